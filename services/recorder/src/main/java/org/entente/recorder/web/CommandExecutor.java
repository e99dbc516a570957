package org.entente.recorder.web;

import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.entente.recorder.rules.UnknownReferenceException;
import org.entente.recorder.rules.WrongStateException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a command on the command bus with its caller's metadata and reports the aggregate's version
 * afterwards. Runs inside the caller's transaction (see {@code Idempotency}), which Axon's unit of
 * work joins, so the events, the version read and any idempotency record commit together.
 *
 * <p>Before dispatch it checks what Axon would report less clearly: that a creating command's id is
 * free, that a follow-up command's id names an aggregate of the right kind (ids are shared by all
 * aggregate types), and that an expected version has been reached.
 */
@Component
public class CommandExecutor {

  private final CommandGateway commandGateway;
  private final JdbcTemplate jdbc;

  CommandExecutor(CommandGateway commandGateway, JdbcTemplate jdbc) {
    this.commandGateway = commandGateway;
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public CommandResult execute(CommandSpec spec, Object command, Caller caller) {
    try {
      String id = spec.idOf(command);
      if (spec.creates()) {
        requireFree(spec, id);
      } else {
        requireExisting(spec, id);
        Optional<Long> expected = spec.expectedVersionOf(command);
        if (expected.isPresent()) {
          requireVersion(id, expected.get());
        }
      }
      commandGateway.sendAndWait(
          GenericCommandMessage.asCommandMessage(command).andMetaData(caller.metaData()));
      return new CommandResult(spec, id, currentVersion(id).orElseThrow());
    } catch (RuntimeException e) {
      throw new RejectedCommandException(spec, e);
    }
  }

  private void requireFree(CommandSpec spec, String id) {
    if (id != null && openingPayloadType(id).isPresent()) {
      throw new WrongStateException(
          spec.idField(), "id '" + id + "' is already taken; choose another or leave it out");
    }
  }

  private void requireExisting(CommandSpec spec, String id) {
    String expected = spec.aggregate().openingPayloadType();
    if (!openingPayloadType(id).filter(expected::equals).isPresent()) {
      throw new UnknownReferenceException(spec.idField(), id, spec.aggregate().noun());
    }
  }

  /**
   * An expected version the aggregate has not reached is a conflict. An older one is the version a
   * change was made on: the aggregate decides (Axon hands it the events since, and refuses the
   * command unless its handler resolves them, as a statement correction does field by field).
   */
  private void requireVersion(String id, long expected) {
    long actual = currentVersion(id).orElse(-1L);
    if (actual < expected) {
      throw new ConflictingAggregateVersionException(id, expected, actual);
    }
  }

  private Optional<String> openingPayloadType(String id) {
    List<String> types =
        jdbc.queryForList(
            "select payload_type from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 0",
            String.class,
            id);
    return types.stream().findFirst();
  }

  private Optional<Long> currentVersion(String id) {
    return Optional.ofNullable(
        jdbc.queryForObject(
            "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
            Long.class,
            id));
  }
}
