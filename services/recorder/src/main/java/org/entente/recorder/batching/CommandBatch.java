package org.entente.recorder.batching;

import java.sql.SQLException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.RegisterActor;
import org.entente.recorder.actor.Actor;
import org.entente.recorder.event.DiplomaticEvent;
import org.entente.recorder.idempotency.Idempotency;
import org.entente.recorder.idempotency.IdempotencyException;
import org.entente.recorder.idempotency.IdempotencyRequest;
import org.entente.recorder.idempotency.IdempotentOutcome;
import org.entente.recorder.idempotency.IdempotentRequestInFlightException;
import org.entente.recorder.idempotency.StoredAnswer;
import org.entente.recorder.reference.AggregateReference;
import org.entente.recorder.reference.AggregateReferences;
import org.entente.recorder.rules.UnknownReferenceException;
import org.entente.recorder.source.Source;
import org.entente.recorder.statement.Statement;
import org.entente.recorder.web.AggregateKind;
import org.entente.recorder.web.CommandAnswers;
import org.entente.recorder.web.CommandExecutor;
import org.entente.recorder.web.CommandResult;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out many commands in one transaction with few round trips: every idempotency key is
 * claimed and read in one query, the aggregates' reference rows in another, each command is handled
 * in a unit of work nested in one root unit of work (a refused command's events are dropped with
 * it), and the root's commit appends all events in one JDBC batch, with their reference rows
 * batched too (see {@code ReferenceWriter}); the answers' idempotency records follow in one batched
 * insert, then the transaction commits once.
 *
 * <p>A command is only refused for what it can be refused for without writing, so a refusal leaves
 * the batch intact. Later commands of the batch see what earlier ones staged: the same aggregate
 * (Axon's root unit of work holds it), and its reference row (kept aside until the commit writes
 * it, see {@link AggregateReferences#stage}); a source's text is read with the events staged for
 * it. Only a second command under the same idempotency key, and a command naming a reference not on
 * record, are not tried in a batch that staged something ({@link BatchOutcome.NotRun}, and neither
 * is anything after them, so order is kept): the next batch decides them for good. If the batch
 * cannot commit (an SQL error, a lost race on an aggregate or key, a lock deadlock), nothing of it
 * is stored and every command is to be run on its own ({@link BatchOutcome.RunAlone}).
 */
@Component
public class CommandBatch {

  private static final Map<AggregateKind, Class<?>> AGGREGATES =
      Map.of(
          AggregateKind.ACTOR, Actor.class,
          AggregateKind.SOURCE, Source.class,
          AggregateKind.DIPLOMATIC_EVENT, DiplomaticEvent.class,
          AggregateKind.STATEMENT, Statement.class);

  private final Idempotency idempotency;
  private final AggregateReferences references;
  private final CommandExecutor executor;
  private final CommandAnswers answers;
  private final TransactionTemplate transaction;
  private final Configuration axon;

  CommandBatch(
      Idempotency idempotency,
      AggregateReferences references,
      CommandExecutor executor,
      CommandAnswers answers,
      PlatformTransactionManager transactions,
      Configuration axon) {
    this.axon = axon;
    this.idempotency = idempotency;
    this.references = references;
    this.executor = executor;
    this.answers = answers;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** One outcome per item, in the items' order. */
  public List<BatchOutcome> run(List<BatchItem> items) {
    if (items.isEmpty()) {
      return List.of();
    }
    try {
      return Objects.requireNonNull(transaction.execute(status -> runInTransaction(items)));
    } catch (CannotCommit e) {
      RuntimeException cause = (RuntimeException) e.getCause();
      return items.stream()
          .<BatchOutcome>map(
              item ->
                  item.keyed() != null && e.inFlight.contains(item.keyed())
                      ? new BatchOutcome.Refused(
                          new IdempotentRequestInFlightException(
                              item.keyed().keyField(), item.keyed().key()))
                      : new BatchOutcome.RunAlone(cause))
          .toList();
    } catch (TransactionException | DataAccessException e) {
      return items.stream().<BatchOutcome>map(item -> new BatchOutcome.RunAlone(e)).toList();
    }
  }

  private record Staged(int index, BatchItem item, String id, long version) {}

  private List<BatchOutcome> runInTransaction(List<BatchItem> items) {
    BatchOutcome[] outcomes = new BatchOutcome[items.size()];
    Map<String, Idempotency.Claim> claims =
        idempotency.claimAll(
            items.stream().map(BatchItem::keyed).filter(Objects::nonNull).toList());
    List<Staged> staged = new ArrayList<>();
    List<String> read = new ArrayList<>();
    List<String> events = new ArrayList<>();
    for (BatchItem item : items) {
      read.add(item.spec().idOf(item.command()));
      ReferencedIds referenced = ReferencedIds.of(item.command());
      read.addAll(referenced.read());
      events.addAll(referenced.events());
    }
    try (AggregateReferences.Prefetch prefetched = references.prefetch(read, events)) {
      stage(items, claims, staged, outcomes);
    }
    for (Staged one : staged) {
      StoredAnswer answer =
          answers.of(new CommandResult(one.item().spec(), one.id(), one.version()));
      outcomes[one.index()] = new BatchOutcome.Done(new IdempotentOutcome(answer, false));
    }
    remember(staged, outcomes);
    return List.of(outcomes);
  }

  /** Handles the commands under one root unit of work and commits it: the events are appended. */
  private void stage(
      List<BatchItem> items,
      Map<String, Idempotency.Claim> claims,
      List<Staged> staged,
      BatchOutcome[] outcomes) {
    UnitOfWork<?> root =
        DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("command batch"));
    try {
      Set<String> keys = new HashSet<>();
      boolean cut = false;
      for (int i = 0; i < items.size(); i++) {
        BatchItem item = items.get(i);
        String id = item.spec().idOf(item.command());
        IdempotencyRequest keyed = item.keyed();
        cut = cut || !staged.isEmpty() && keyed != null && keys.contains(keyed.key());
        if (cut) {
          outcomes[i] = new BatchOutcome.NotRun();
          continue;
        }
        if (keyed != null) {
          keys.add(keyed.key());
          try {
            Optional<IdempotentOutcome> settled =
                Idempotency.settled(keyed, claims.get(keyed.key()));
            if (settled.isPresent()) {
              outcomes[i] = new BatchOutcome.Done(settled.get());
              continue;
            }
          } catch (IdempotencyException e) {
            outcomes[i] = new BatchOutcome.Refused(e);
            continue;
          }
        }
        try {
          executor.stage(item.spec(), item.command(), item.caller(), keyed);
          staged.add(new Staged(i, item, id, noteStaged(item, id)));
        } catch (RuntimeException e) {
          if (cannotGoOn(e)) {
            throw new CannotCommit(e);
          }
          if (!staged.isEmpty() && causedBy(e, UnknownReferenceException.class)) {
            cut = true;
            outcomes[i] = new BatchOutcome.NotRun();
          } else {
            outcomes[i] = new BatchOutcome.Refused(e);
          }
        }
      }
    } catch (RuntimeException e) {
      root.rollback(e);
      throw e instanceof CannotCommit ? e : new CannotCommit(e);
    }
    try {
      root.commit();
    } catch (RuntimeException e) {
      throw new CannotCommit(e);
    }
  }

  /**
   * The aggregate's version after its command, from the aggregate itself (the root unit of work
   * holds it, with the events not appended yet), and its reference row as the batch's later
   * commands must see it.
   */
  private long noteStaged(BatchItem item, String id) {
    long version =
        Objects.requireNonNull(
            axon.repository(AGGREGATES.get(item.spec().aggregate())).load(id).version(),
            "an event-sourced aggregate has a version");
    AggregateReference before = references.find(id).orElse(null);
    ActorKind actorKind =
        item.command() instanceof RegisterActor register
            ? register.kind()
            : before == null ? null : before.actorKind();
    references.stage(
        new AggregateReference(
            id,
            item.spec().aggregate().referenceKind(),
            actorKind,
            before != null && before.retracted() || item.spec().name().startsWith("Retract"),
            version));
    return version;
  }

  private void remember(List<Staged> staged, BatchOutcome[] outcomes) {
    List<Map.Entry<IdempotencyRequest, StoredAnswer>> answered = new ArrayList<>();
    for (Staged one : staged) {
      if (one.item().keyed() != null) {
        BatchOutcome.Done done = (BatchOutcome.Done) outcomes[one.index()];
        answered.add(
            new AbstractMap.SimpleImmutableEntry<>(one.item().keyed(), done.outcome().answer()));
      }
    }
    List<IdempotencyRequest> taken;
    try {
      taken = idempotency.rememberAll(answered);
    } catch (RuntimeException e) {
      throw new CannotCommit(e);
    }
    if (!taken.isEmpty()) {
      IdempotencyRequest first = taken.get(0);
      throw new CannotCommit(
          new IdempotentRequestInFlightException(first.keyField(), first.key()), taken);
    }
  }

  /**
   * Whether a refusal came from the database (on PostgreSQL an SQL error aborts the whole
   * transaction) or from a lock that could not be taken: then the batch cannot go on.
   */
  static boolean cannotGoOn(Throwable e) {
    return causedBy(e, SQLException.class)
        || causedBy(e, DataAccessException.class)
        || causedBy(e, TransactionException.class)
        || causedBy(e, LockAcquisitionFailedException.class);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** A batch that must roll back; its commands are then run one by one. */
  private static final class CannotCommit extends RuntimeException {
    /** Requests whose key another transaction stored meanwhile: in flight elsewhere. */
    final transient List<IdempotencyRequest> inFlight;

    CannotCommit(Throwable cause) {
      this(cause, List.of());
    }

    CannotCommit(Throwable cause, List<IdempotencyRequest> inFlight) {
      super(cause);
      this.inFlight = inFlight;
    }
  }
}
