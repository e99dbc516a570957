package org.entente.timeline.cohesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.entente.testkit.TestPostgres;
import org.entente.timeline.cohesion.arithmetic.Channel;
import org.entente.timeline.cohesion.arithmetic.CohesionCalculator;
import org.entente.timeline.cohesion.arithmetic.CohesionHistory;
import org.entente.timeline.cohesion.arithmetic.CohesionParameters;
import org.entente.timeline.cohesion.arithmetic.CohesionPoint;
import org.entente.timeline.cohesion.arithmetic.CohesionScale;
import org.entente.timeline.cohesion.arithmetic.DayState;
import org.entente.timeline.cohesion.arithmetic.Interaction;
import org.entente.timeline.cohesion.arithmetic.InteractionResolver;
import org.entente.timeline.cohesion.arithmetic.Resolution;
import org.entente.timeline.facts.CohesionStore;
import org.entente.timeline.facts.FactReader;
import org.entente.timeline.facts.FactRecords;
import org.entente.timeline.facts.FactSnapshot;
import org.entente.timeline.timeline.BufferedRows;
import org.entente.timeline.timeline.FactBatchFollowers;
import org.entente.timeline.timeline.RecordedEvent;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.SlotWriter;
import org.entente.timeline.timeline.Snapshot;
import org.entente.timeline.timeline.TimelineDocuments;
import org.entente.timeline.timeline.TimelineProjector;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The stored cohesion (per group, channel and change day, kept by the projection's batches) gives
 * the series the recomputation from the history gives, for random histories (late memberships and
 * roles, corrections, added citations, retractions, held/cancelled/amended events, redeliveries,
 * event times in any order); it is the same whether built event by event or as a rebuild in
 * batches; and its evidence counts up to any day are those of a recomputation from the facts before
 * that day. Sums agree to a relative 1e-12: a point is a stored day's sums decayed once more, the
 * recomputation decays each pair to the point (the same numbers, rounded differently).
 */
class StoredCohesionProperties {

  private static final List<String> GROUPS = List.of("g", "grp");
  private static final Instant RECORDED0 = Instant.parse("2025-03-01T00:00:00Z");
  private static final LocalDate FIRST = LocalDate.parse("2024-12-25");
  private static final LocalDate LAST = LocalDate.parse("2025-05-20");
  private static final double RELATIVE = 1e-12;

  private static JdbcTemplate jdbc;
  private static SlotWriter incremental;
  private static SlotWriter rebuilt;
  private static FactBatchFollowers incrementalFollowers;
  private static FactBatchFollowers rebuiltFollowers;
  private static FactReader facts;
  private static final TimelineProjector projector = new TimelineProjector();

  @BeforeAll
  static void database() {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(TestPostgres.freshEmbeddedDatabase(), TestPostgres.USER, "");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .outOfOrder(true)
        .load()
        .migrate();
    jdbc = new JdbcTemplate(dataSource);
    ObjectMapper json = new TimelineDocuments().mapper();
    incremental = new SlotWriter(jdbc, json, Slot.A);
    rebuilt = new SlotWriter(jdbc, json, Slot.B);
    incrementalFollowers =
        new FactBatchFollowers(List.of(new StoredCohesion()), jdbc, json, Slot.A);
    rebuiltFollowers = new FactBatchFollowers(List.of(new StoredCohesion()), jdbc, json, Slot.B);
    facts = new FactReader(new NamedParameterJdbcTemplate(jdbc), json);
  }

  @Test
  void storedSeries_equalsRecomputation_andARebuild() {
    qt().withExamples(40)
        .withShrinkCycles(20)
        .forAll(
            CohesionProjectionProperties.histories(),
            CohesionProjectionProperties.redeliveries(),
            integers().between(0, 150))
        .checkAssert(StoredCohesionProperties::storedSeries_equalsRecomputation_andARebuild);
  }

  private static void storedSeries_equalsRecomputation_andARebuild(
      List<Object> payloads, List<Boolean> twice, int cutDays) {
    incremental.clear();
    rebuilt.clear();
    List<Recorded> history = new ArrayList<>();
    for (int i = 0; i < payloads.size(); i++) {
      Recorded r = new Recorded(payloads.get(i), RECORDED0.plus(i, ChronoUnit.MINUTES), "m" + i);
      history.add(r);
      // live: one event per batch, some delivered twice
      RecordedEvent event = new RecordedEvent(r.messageId(), i + 1, r.recordedAt(), r.payload());
      BufferedRows batch = incremental.buffered();
      projector.apply(event, batch);
      if (twice.get(i % twice.size())) {
        projector.apply(event, batch);
      }
      written(batch, incrementalFollowers);
    }
    // rebuild: the history in batches
    BufferedRows batch = rebuilt.buffered();
    for (int i = 0; i < history.size(); i++) {
      Recorded r = history.get(i);
      projector.apply(new RecordedEvent(r.messageId(), i + 1, r.recordedAt(), r.payload()), batch);
      if ((i + 1) % twice.size() == 0) {
        written(batch, rebuiltFollowers);
        batch = rebuilt.buffered();
      }
    }
    written(batch, rebuiltFollowers);
    // the batches only marked the groups they moved; their series come from facts until refreshed
    assertThat(snapshotOf(Slot.A).cohesionSummary("g")).isEmpty();
    refreshMarkedGroups(Slot.A);
    refreshMarkedGroups(Slot.B);

    assertThat(stored(Slot.A)).isEqualTo(stored(Slot.B));
    CohesionHistory recomputed = HistoryFold.fold(history);
    FactSnapshot snapshot = facts.at(Slot.A, new Snapshot(Long.MAX_VALUE, null));
    List<Instant> times = new ArrayList<>();
    for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
      times.add(d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
    CohesionParameters p = CohesionParameters.defaults();
    CohesionCalculator calculator = new CohesionCalculator(p);
    for (String group : GROUPS) {
      if (snapshot.actor(group).isEmpty()) {
        continue; // an unknown group has no series (404), stored or recomputed
      }
      Resolution r = new InteractionResolver(recomputed).resolve(group, p);
      for (Channel channel : Channel.values()) {
        List<CohesionPoint> expected =
            calculator.series(r.interactions(), r.schedule(), channel, times, false);
        List<CohesionPoint> actual =
            calculator.fromStates(
                states(snapshot.cohesionStates(group, channel.name(), FIRST, LAST)), times);
        for (int i = 0; i < times.size(); i++) {
          assertSamePoint(actual.get(i), expected.get(i));
        }
      }
      // the evidence counts as today's from-facts answer gives them: over the group's reach
      Resolution fromFacts =
          new InteractionResolver(GroupFacts.load(snapshot, group, null, null, p.scale()))
              .resolve(group, p);
      assertSummary(snapshot, group, fromFacts, cutDays);
      // several days read at once (the Kafka publisher's read) give each day's rows as one read
      LocalDate from = FIRST.plusDays(cutDays / 2);
      LocalDate to = from.plusDays(cutDays % 40);
      FactSnapshot days =
          new DaysOfStoredCohesion(snapshot, group, FIRST.plusDays(cutDays / 3), to);
      for (String channel :
          List.of(Channel.PAIR.name(), Channel.INSTITUTION.name(), StoredCohesion.EVIDENCE)) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(7)) {
          assertThat(days.cohesionStates(group, channel, from, d))
              .isEqualTo(snapshot.cohesionStates(group, channel, from, d));
          assertThat(days.cohesionStates(group, channel, d, d))
              .isEqualTo(snapshot.cohesionStates(group, channel, d, d));
        }
      }
      assertThat(days.lastStoredCohesionSummary(group)).isEqualTo(snapshot.cohesionSummary(group));
    }
  }

  /** What CohesionRefresher does for a slot: each marked group recomputed, its mark cleared. */
  private static void refreshMarkedGroups(Slot slot) {
    CohesionStore store = new CohesionStore(jdbc, slot.code());
    StoredCohesion refresher = new StoredCohesion();
    for (CohesionStore.Dirty dirty : store.dirty(Integer.MAX_VALUE)) {
      refresher.refresh(snapshotOf(slot), store, dirty);
    }
    assertThat(store.dirty(Integer.MAX_VALUE)).isEmpty();
  }

  private static FactSnapshot snapshotOf(Slot slot) {
    return facts.at(slot, new Snapshot(Long.MAX_VALUE, null));
  }

  private static void written(BufferedRows batch, FactBatchFollowers followers) {
    BufferedRows.Touched touched = batch.touched();
    batch.flush();
    followers.written(touched);
  }

  /** The summary, and the evidence counted up to a day, as a recomputation says. */
  private static void assertSummary(
      FactSnapshot snapshot, String group, Resolution all, int cutDays) {
    List<Interaction> interactions = all.interactions();
    snapshot
        .cohesionSummary(group)
        .ifPresent(
            summary -> {
              assertThat(summary.interactions()).isEqualTo(interactions.size());
              assertThat(summary.duplicates()).isEqualTo(all.duplicates().size());
              assertThat(summary.otherScale()).isEqualTo(all.otherScale());
              assertThat(summary.firstTime())
                  .isEqualTo(interactions.isEmpty() ? null : interactions.get(0).time());
              assertThat(summary.lastTime())
                  .isEqualTo(
                      interactions.isEmpty()
                          ? null
                          : interactions.get(interactions.size() - 1).time());
            });
    if (snapshot.cohesionSummary(group).isEmpty()) {
      assertThat(interactions).isEmpty(); // never touched: nothing to store
      return;
    }
    LocalDate cut = FIRST.plusDays(cutDays);
    Instant before = cut.atStartOfDay().toInstant(ZoneOffset.UTC);
    Resolution upTo =
        new InteractionResolver(
                GroupFacts.load(snapshot, group, null, before, CohesionScale.GOLDSTEIN))
            .resolve(group, CohesionParameters.defaults());
    List<FactRecords.CohesionState> counted =
        snapshot.cohesionStates(group, StoredCohesion.EVIDENCE, cut.minusDays(1), cut.minusDays(1));
    FactRecords.CohesionState c = counted.isEmpty() ? null : counted.get(0);
    assertThat(c == null ? 0 : c.observed()).isEqualTo(upTo.interactions().size());
    assertThat(c == null ? 0 : c.negative()).isEqualTo(upTo.duplicates().size());
    assertThat(c == null ? 0 : c.memberPairs()).isEqualTo(upTo.otherScale());
  }

  private static void assertSamePoint(CohesionPoint actual, CohesionPoint expected) {
    assertThat(actual.at()).isEqualTo(expected.at());
    assertThat(actual.value()).isCloseTo(expected.value(), within(RELATIVE));
    assertThat(actual.coverage())
        .isCloseTo(expected.coverage(), within(RELATIVE * Math.max(1, expected.coverage())));
    assertThat(actual.intensity())
        .isCloseTo(expected.intensity(), within(RELATIVE * Math.max(1, expected.intensity())));
    assertThat(actual.polarisation()).isEqualTo(expected.polarisation());
    assertThat(actual.observed()).isEqualTo(expected.observed());
    assertThat(actual.memberPairs()).isEqualTo(expected.memberPairs());
  }

  private static List<DayState> states(List<FactRecords.CohesionState> rows) {
    return rows.stream()
        .map(
            s ->
                new DayState(
                    s.day(),
                    s.sumS(),
                    s.sumA(),
                    s.sumW(),
                    s.observed(),
                    s.negative(),
                    s.memberPairs()))
        .toList();
  }

  /** Every stored cohesion row of a slot, without the slot. */
  private static List<String> stored(Slot slot) {
    return jdbc.queryForList(
        "select 's|' || group_id || '|' || channel || '|' || day || '|' || sum_s || '|' || sum_a"
            + " || '|' || sum_w || '|' || observed || '|' || negative || '|' || member_pairs"
            + " from tl_cohesion_state where slot = ?"
            + " union all select 'y|' || group_id || '|' || interactions || '|' || duplicates"
            + " || '|' || other_scale || '|' || coalesce(first_time::text, '-') || '|'"
            + " || coalesce(last_time::text, '-') || '|' || scale_versions::text"
            + " from tl_cohesion_summary where slot = ? order by 1",
        String.class,
        slot.code(),
        slot.code());
  }
}
