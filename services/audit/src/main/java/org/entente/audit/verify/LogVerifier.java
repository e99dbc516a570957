package org.entente.audit.verify;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.entente.audit.config.AuditProperties;
import org.entente.audit.head.SigningKey;
import org.entente.audit.head.TreeHeads;
import org.entente.audit.log.AuditLog;
import org.entente.audit.log.Frontier;
import org.entente.audit.log.StoredEvents;
import org.entente.verifier.EventDocument;
import org.entente.verifier.SignedTreeHead;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the log from the event table and compares: every stored event up to the log's last
 * position must be its leaf, in order, with the same hash (an altered payload, metadata or
 * identifier changes it), no leaf may name a missing event, and the root recomputed from the events
 * must equal the latest signed head's root (so the stored leaf hashes cannot be altered to match).
 * Runs in the background, one at a time, reading the table through a cursor; each run, its progress
 * and its finding are stored ({@link VerificationStore}), so they outlive the process.
 */
@Component
public class LogVerifier implements DisposableBean {

  private static final HexFormat HEX = HexFormat.of();

  private final AuditLog log;
  private final TreeHeads heads;
  private final SigningKey key;
  private final JdbcTemplate cursor;
  private final TransactionTemplate readOnly;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "audit-verify");
            thread.setDaemon(true);
            return thread;
          });

  /** This process's unfinished runs; finished ones are read from the store. */
  private final Map<String, Verification> runs = new ConcurrentHashMap<>();

  private static final long PROGRESS_EVERY = 100_000;
  private final VerificationStore store;
  private volatile long lastSaved = System.nanoTime();

  public LogVerifier(
      AuditLog log,
      TreeHeads heads,
      SigningKey key,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      AuditProperties properties,
      VerificationStore store) {
    this.store = store;
    this.log = log;
    this.heads = heads;
    this.key = key;
    this.cursor = new JdbcTemplate(jdbc.getDataSource());
    this.cursor.setFetchSize(properties.verifyFetchSize());
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** Starts a verification in the background (after the one running, if any). */
  public Verification start() {
    Verification run = new Verification(UUID.randomUUID().toString());
    store.insert(run);
    runs.put(run.id(), run);
    runner.submit(() -> run(run));
    return run;
  }

  /** A run of this process while it is unfinished, else as stored (by any process). */
  public Optional<Verification> find(String id) {
    Verification live = runs.get(id);
    return live != null ? Optional.of(live) : store.find(id);
  }

  /** The latest runs, newest first. */
  public List<Verification> latest(int limit) {
    return store.latest(limit).stream().map(run -> runs.getOrDefault(run.id(), run)).toList();
  }

  /** Verifies now, in the caller's thread. */
  public Verification verifyNow() {
    Verification run = new Verification(UUID.randomUUID().toString());
    store.insert(run);
    runs.put(run.id(), run);
    run(run);
    return run;
  }

  private void run(Verification run) {
    try {
      verify(run);
    } catch (RuntimeException e) {
      run.error(e.toString());
    } finally {
      try {
        store.save(run);
      } finally {
        runs.remove(run.id());
      }
    }
  }

  /** Tells readers in other processes that this process still runs its verifications. */
  @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
  public void heartbeat() {
    store.heartbeat(runs.keySet());
  }

  /** Stores progress at most once a second and at least every {@code PROGRESS_EVERY} events. */
  private void progressed(Verification run, long checked) {
    long now = System.nanoTime();
    if (checked % PROGRESS_EVERY == 0 || now - lastSaved > 1_000_000_000L) {
      lastSaved = now;
      store.save(run);
    }
  }

  private void verify(Verification run) {
    AuditLog.State state = log.state();
    SignedTreeHead head = heads.latest().filter(h -> h.treeSize() <= state.size()).orElse(null);
    run.running(state.size());
    store.save(run);
    if (head != null && !head.verify(key.publicKey())) {
      run.failed(
          new Verification.Mismatch(
              null,
              null,
              "the latest signed head (size "
                  + head.treeSize()
                  + ") is not signed by the log's key"));
      return;
    }
    Frontier recomputed = Frontier.empty();
    Verification.Mismatch[] found = {null};
    readOnly.executeWithoutResult(
        status ->
            cursor.query(
                "select l.leaf_index, l.position, l.event_id, n.hash, "
                    + StoredEvents.COLUMNS
                    + " from (select * from domain_event_entry where global_index <= ?) e"
                    + " full join (select * from audit_leaf where leaf_index < ?) l"
                    + " on l.position = e.global_index"
                    + " left join audit_node n on n.level = 0 and n.idx = l.leaf_index"
                    + " order by coalesce(e.global_index, l.position), l.leaf_index",
                rs -> {
                  if (found[0] != null) {
                    return; // the first disagreement is the finding; drain the cursor
                  }
                  long expectedIndex = recomputed.size();
                  Long leafIndex = rs.getObject(1) == null ? null : rs.getLong(1);
                  Long eventPosition = rs.getObject(5) == null ? null : rs.getLong(5);
                  if (leafIndex == null) {
                    found[0] =
                        new Verification.Mismatch(
                            eventPosition,
                            expectedIndex,
                            "the event at position " + eventPosition + " is not in the log");
                    return;
                  }
                  long leafPosition = rs.getLong(2);
                  if (eventPosition == null) {
                    found[0] =
                        new Verification.Mismatch(
                            leafPosition,
                            leafIndex,
                            "leaf "
                                + leafIndex
                                + " names position "
                                + leafPosition
                                + ", where no event is stored");
                    return;
                  }
                  if (leafIndex != expectedIndex) {
                    found[0] =
                        new Verification.Mismatch(
                            leafPosition,
                            leafIndex,
                            "the event at position "
                                + leafPosition
                                + " is leaf "
                                + leafIndex
                                + ", expected leaf "
                                + expectedIndex);
                    return;
                  }
                  byte[] stored = rs.getBytes(4);
                  byte[] actual = EventDocument.leafHash(StoredEvents.document(rs, 5));
                  if (!Arrays.equals(stored, actual)) {
                    found[0] =
                        new Verification.Mismatch(
                            leafPosition,
                            leafIndex,
                            "the event at position "
                                + leafPosition
                                + " hashes to "
                                + HEX.formatHex(actual)
                                + ", its leaf in the log is "
                                + (stored == null ? "missing" : HEX.formatHex(stored)));
                    return;
                  }
                  recomputed.append(actual);
                  progressed(run, run.checkedOne());
                  if (head != null
                      && recomputed.size() == head.treeSize()
                      && !Arrays.equals(recomputed.root(), head.rootHash())) {
                    found[0] =
                        new Verification.Mismatch(
                            null,
                            null,
                            "the root recomputed from the events differs from the signed head of size "
                                + head.treeSize());
                  }
                },
                state.lastPosition(),
                state.size()));
    if (found[0] != null) {
      run.failed(found[0]);
    } else if (recomputed.size() != state.size()) {
      run.failed(
          new Verification.Mismatch(
              null,
              recomputed.size(),
              "the log has " + state.size() + " leaves, the events " + recomputed.size()));
    } else {
      run.passed();
    }
  }

  @Override
  public void destroy() {
    runner.shutdownNow();
  }
}
