package org.entente.recorder.web;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.entente.api.common.MetadataKeys;
import org.entente.recorder.idempotency.IdempotencyRequest;
import org.entente.recorder.reference.AggregateReference;
import org.entente.recorder.reference.AggregateReferences;
import org.entente.recorder.reference.AppendedVersions;
import org.entente.recorder.rules.UnknownReferenceException;
import org.entente.recorder.rules.WrongStateException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a command on the command bus with its caller's metadata and reports the aggregate's version
 * afterwards. Runs inside the caller's transaction (see {@code Idempotency}), which Axon's unit of
 * work joins, so the events, the reference row and any idempotency record commit together.
 *
 * <p>Before dispatch it checks what Axon would report less clearly: that a creating command's id is
 * free, that a follow-up command's id names an aggregate of the right kind (ids are shared by all
 * aggregate types), and that an expected version has been reached (an older one is the version a
 * change was made on: the aggregate decides, as a statement correction does field by field). All
 * three come from one primary-key read of {@code aggregate_reference}; the version afterwards is
 * the one the command's events were appended with (never a read of the event table).
 */
@Component
public class CommandExecutor {

  private final CommandGateway commandGateway;
  private final AggregateReferences references;

  CommandExecutor(CommandGateway commandGateway, AggregateReferences references) {
    this.commandGateway = commandGateway;
    this.references = references;
  }

  /**
   * Must run in a transaction. Not {@code @Transactional}: a refused command would then mark the
   * caller's transaction rollback-only, and an import batch goes on after a refused line.
   */
  public CommandResult execute(
      CommandSpec spec, Object command, Caller caller, IdempotencyRequest keyed) {
    requireTransaction();
    try {
      String id = spec.idOf(command);
      long before = check(spec, command, id);
      AppendedVersions.watch();
      try {
        dispatch(command, caller, keyed);
        OptionalLong after = AppendedVersions.of(id);
        long version =
            after.isPresent()
                ? after.getAsLong()
                : before >= 0
                    ? before
                    : references.find(id).map(AggregateReference::version).orElseThrow();
        return new CommandResult(spec, id, version);
      } finally {
        AppendedVersions.stop();
      }
    } catch (RuntimeException e) {
      throw new RejectedCommandException(spec, e);
    }
  }

  /**
   * For a batch: checks and handles the command in a unit of work nested in the caller's root unit
   * of work, whose commit appends the events of all the batch's commands together.
   */
  public void stage(CommandSpec spec, Object command, Caller caller, IdempotencyRequest keyed) {
    requireTransaction();
    try {
      check(spec, command, spec.idOf(command));
      dispatch(command, caller, keyed);
    } catch (RuntimeException e) {
      throw new RejectedCommandException(spec, e);
    }
  }

  /** The checks before dispatch; returns the version the aggregate is at (-1: none yet). */
  private long check(CommandSpec spec, Object command, String id) {
    Optional<AggregateReference> before = id == null ? Optional.empty() : references.find(id);
    if (spec.creates()) {
      requireFree(spec, id, before);
      return -1;
    }
    requireExisting(spec, id, before);
    Optional<Long> expected = spec.expectedVersionOf(command);
    if (expected.isPresent() && expected.get() > before.get().version()) {
      throw new ConflictingAggregateVersionException(id, expected.get(), before.get().version());
    }
    return before.get().version();
  }

  /** The caller's metadata and the command's Idempotency-Key, carried by every event it stores. */
  private void dispatch(Object command, Caller caller, IdempotencyRequest keyed) {
    CommandMessage<Object> message =
        GenericCommandMessage.asCommandMessage(command).andMetaData(caller.metaData());
    if (keyed != null) {
      message = message.andMetaData(Map.of(MetadataKeys.IDEMPOTENCY_KEY, keyed.key()));
    }
    commandGateway.sendAndWait(message);
  }

  private static void requireTransaction() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("a command is executed in its caller's transaction");
    }
  }

  private static void requireFree(
      CommandSpec spec, String id, Optional<AggregateReference> before) {
    if (before.isPresent()) {
      throw new WrongStateException(
          spec.idField(), "id '" + id + "' is already taken; choose another or leave it out");
    }
  }

  private static void requireExisting(
      CommandSpec spec, String id, Optional<AggregateReference> before) {
    if (before.filter(row -> row.kind() == spec.aggregate().referenceKind()).isEmpty()) {
      throw new UnknownReferenceException(spec.idField(), id, spec.aggregate().noun());
    }
  }
}
