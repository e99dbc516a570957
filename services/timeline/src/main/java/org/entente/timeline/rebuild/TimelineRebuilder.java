package org.entente.timeline.rebuild;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.entente.timeline.config.TimelineProperties;
import org.entente.timeline.facts.FactBatchListener;
import org.entente.timeline.timeline.CohesionRefresher;
import org.entente.timeline.timeline.FactBatchFollowers;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.SlotWriter;
import org.entente.timeline.timeline.TimelineDocuments;
import org.entente.timeline.timeline.TimelineSlots;
import org.entente.timeline.timeline.TimelineSlots.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Rebuilds the timeline without downtime (blue/green). The idle slot is cleared, its processor's
 * tokens are reset to the first event and it replays the whole history while the live slot keeps
 * answering queries. Once the rebuilt slot has handled at least everything the live one has and is
 * caught up with the head, one update makes it live; the old slot's processor stops and its rows
 * are deleted. A rebuild survives a restart: the slot being built is kept in the database.
 */
@Component
public class TimelineRebuilder {

  private static final Logger log = LoggerFactory.getLogger(TimelineRebuilder.class);

  private final EventProcessingConfiguration processing;
  private final TimelineSlots slots;
  private final ProcessorPositions positions;
  private final JdbcTemplate jdbc;
  private final TimelineDocuments documents;
  private final TransactionTemplate transaction;
  private final ObjectProvider<FactBatchListener> listeners;
  private final Duration checkInterval;
  private final Duration cohesionWait;
  private final CohesionRefresher refresher;
  private final ReadSideStatistics statistics;

  /** When this process first saw the rebuild storing its cohesion (null: not yet). */
  private Instant storingSince;

  /**
   * The replay position at which the statistics are refreshed next: at {@value
   * #FIRST_STATISTICS_AT} events, then each time the replay has doubled, so the replay's own
   * fan-out joins (memberships, roles) are planned on a slot about as full as it is, for a few
   * analyses per rebuild.
   */
  private long nextStatisticsAt = FIRST_STATISTICS_AT;

  static final long FIRST_STATISTICS_AT = 2_000;

  private final Clock clock = Clock.systemUTC();
  private final ScheduledExecutorService monitor =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "timeline-rebuild-monitor");
            thread.setDaemon(true);
            return thread;
          });

  public TimelineRebuilder(
      EventProcessingConfiguration processing,
      TimelineSlots slots,
      ProcessorPositions positions,
      JdbcTemplate jdbc,
      TimelineDocuments documents,
      PlatformTransactionManager transactions,
      ObjectProvider<FactBatchListener> listeners,
      CohesionRefresher refresher,
      TimelineProperties properties) {
    this.processing = processing;
    this.slots = slots;
    this.positions = positions;
    this.jdbc = jdbc;
    this.documents = documents;
    this.transaction = new TransactionTemplate(transactions);
    this.listeners = listeners;
    this.refresher = refresher;
    this.statistics = new ReadSideStatistics(jdbc);
    this.checkInterval = properties.getRebuild().getCheckInterval();
    this.cohesionWait = properties.getRebuild().getCohesionWait();
  }

  /** Stops the processor of a slot that is neither live nor being built, and resumes a rebuild. */
  @EventListener(ApplicationReadyEvent.class)
  public void onReady() {
    State state = slots.refresh();
    for (Slot slot : Slot.values()) {
      if (!slots.isActive(slot)) {
        processor(slot).shutDown();
      }
    }
    if (state.building() != null) {
      log.info("Resuming the rebuild of timeline slot {}", state.building().code());
    }
    long interval = Math.max(10, checkInterval.toMillis());
    monitor.scheduleWithFixedDelay(this::checkQuietly, interval, interval, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    monitor.shutdownNow();
  }

  /** Starts a rebuild into the idle slot; 409 if one is already running. */
  public synchronized RebuildStatus start() {
    State state = slots.refresh();
    if (state.building() != null) {
      throw conflict("a rebuild into slot " + state.building().code() + " is already running");
    }
    Slot target = state.live().other();
    storingSince = null;
    nextStatisticsAt = FIRST_STATISTICS_AT;
    StreamingEventProcessor processor = processor(target);
    processor.shutDown();
    transaction.executeWithoutResult(
        status -> {
          new SlotWriter(jdbc, documents.mapper(), target).clear();
          slots.startBuilding(target, clock.instant());
        });
    processor.resetTokens();
    processor.start();
    log.info("Rebuilding timeline into slot {} from the first event", target.code());
    return status();
  }

  /**
   * Switches to the rebuilt slot once it has caught up and its stored cohesion is as fresh as the
   * live slot's; returns whether it switched. When the replay first catches up, every group of the
   * rebuilt slot is marked for the background refresh (and the slot's later batches mark theirs),
   * so the slot goes live with its cohesion stored: before, the groups were marked at the switch
   * and every series was computed from facts until the refresh got to its group (minutes at 100,000
   * events, one computation at a time).
   */
  public synchronized boolean checkCaughtUp() {
    State state = slots.state();
    Slot building = state.building();
    if (building == null) {
      return false;
    }
    StreamingEventProcessor processor = processor(building);
    if (!processor.isRunning() || processor.processingStatus().isEmpty()) {
      if (!processor.isRunning()) {
        processor.start();
      }
      return false;
    }
    boolean caughtUp =
        processor.processingStatus().values().stream()
            .allMatch(s -> s.isCaughtUp() && !s.isErrorState());
    long built = positions.safePosition(building.processorName());
    long live = positions.safePosition(state.live().processorName());
    if (!caughtUp || built < live) {
      if (built >= nextStatisticsAt) {
        statistics.refresh("slot " + building.code() + " replayed to " + built);
        nextStatisticsAt = built * 2;
      }
      return false;
    }
    if (!state.buildingMarksCohesion()) {
      // before any group of the slot is marked: the refresh that then reads the slot must not
      // plan on statistics that still call it empty (a round may start as soon as marks commit)
      statistics.refresh("slot " + building.code() + " caught up");
      // the state update waits for the slot's batches that deferred, so their facts are seen
      try {
        transaction.executeWithoutResult(
            status -> {
              slots.buildingMarksCohesion();
              new FactBatchFollowers(
                      listeners.orderedStream().toList(), jdbc, documents.mapper(), building, slots)
                  .writtenAll();
            });
      } catch (RuntimeException e) {
        slots.refresh(); // the cached state must not say the groups were marked
        throw e;
      }
      log.info(
          "Timeline slot {} has caught up (position {}); storing its cohesion before it goes live",
          building.code(),
          built);
      storingSince = clock.instant();
      refresher.soon();
      return false;
    }
    if (storingSince == null) {
      storingSince = clock.instant(); // resumed by this process
    }
    long waiting = groupsToRecompute(building);
    if (waiting > groupsToRecompute(state.live())) {
      if (Duration.between(storingSince, clock.instant()).compareTo(cohesionWait) < 0) {
        return false;
      }
      log.warn(
          "Timeline slot {}: {} groups still wait for their stored cohesion after {}; switching,"
              + " they are computed from facts until the background refresh gets to them",
          building.code(),
          waiting,
          cohesionWait);
    }
    storingSince = null;
    Slot old = state.live();
    Instant now = clock.instant();
    double seconds =
        state.rebuildStartedAt() == null
            ? 0
            : Duration.between(state.rebuildStartedAt(), now).toMillis() / 1000.0;
    // The old slot's processor stops first, so nothing writes to it once it is cleared; then the
    // switch and the clearing commit together: a query, or the status, sees either the old slot
    // whole and live, or the new one live and the old one gone.
    processor(old).shutDown();
    try {
      transaction.executeWithoutResult(
          status -> {
            slots.switchTo(building, now, seconds, built);
            new SlotWriter(jdbc, documents.mapper(), old).clear();
          });
    } catch (RuntimeException e) {
      slots.refresh();
      processor(old).start();
      throw e;
    }
    log.info(
        "Timeline slot {} is live (rebuilt to position {} in {} s); slot {} cleared",
        building.code(),
        built,
        seconds,
        old.code());
    statistics.refresh("slot " + old.code() + " cleared");
    return true;
  }

  /** Groups of {@code slot} whose stored cohesion waits for the background refresh. */
  private long groupsToRecompute(Slot slot) {
    Long count =
        jdbc.queryForObject(
            "select count(*) from tl_cohesion_dirty where slot = ?", Long.class, slot.code());
    return count == null ? 0 : count;
  }

  public RebuildStatus status() {
    State state = slots.state();
    long head = positions.head();
    Slot live = state.live();
    StreamingEventProcessor liveProcessor = processor(live);
    long livePosition = positions.safePosition(live.processorName());
    RebuildStatus.ProcessorView liveView =
        new RebuildStatus.ProcessorView(
            live.code(),
            live.processorName(),
            liveProcessor.isRunning(),
            liveProcessor.isError(),
            livePosition,
            Math.max(0, head - livePosition));
    RebuildStatus.Progress progress = null;
    if (state.building() != null) {
      Slot building = state.building();
      long reached = positions.reachedPosition(building.processorName());
      double elapsed =
          state.rebuildStartedAt() == null
              ? 0
              : Math.max(
                  0.001,
                  Duration.between(state.rebuildStartedAt(), clock.instant()).toMillis() / 1000.0);
      progress =
          new RebuildStatus.Progress(
              building.code(),
              building.processorName(),
              state.rebuildStartedAt(),
              reached,
              head,
              head <= 0 ? 100.0 : Math.min(100.0, Math.max(0, reached) * 100.0 / head),
              elapsed == 0 ? 0 : Math.max(0, reached) / elapsed,
              elapsed,
              processor(building).isRunning(),
              state.buildingMarksCohesion()
                  ? RebuildStatus.Phase.STORING_COHESION
                  : RebuildStatus.Phase.REPLAYING,
              state.buildingMarksCohesion() ? groupsToRecompute(building) : null);
    }
    RebuildStatus.LastRebuild last =
        state.lastSwitchedAt() == null
            ? null
            : new RebuildStatus.LastRebuild(
                state.lastSwitchedAt(), state.lastRebuildSeconds(), state.lastRebuildPosition());
    return new RebuildStatus(
        TimelineSlots.PROJECTION,
        state.building() == null ? RebuildStatus.State.LIVE : RebuildStatus.State.REBUILDING,
        head,
        liveView,
        progress,
        last);
  }

  private void checkQuietly() {
    try {
      checkCaughtUp();
    } catch (RuntimeException e) {
      log.warn("Checking the timeline rebuild failed; will try again", e);
    }
  }

  private StreamingEventProcessor processor(Slot slot) {
    return processing
        .eventProcessor(slot.processorName(), StreamingEventProcessor.class)
        .orElseThrow(
            () ->
                new IllegalStateException("no processor " + slot.processorName() + " configured"));
  }

  private static ErrorResponseException conflict(String reason) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, reason);
    problem.setTitle("Rebuild already running");
    problem.setType(java.net.URI.create("urn:entente:problem:wrong-state"));
    return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
  }
}
