package org.entente.timeline.cohesion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.actor.MembershipRecorded;
import org.entente.api.actor.RoleAssigned;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.TimePrecision;
import org.entente.api.common.Weight;
import org.entente.api.event.DiplomaticEventAmended;
import org.entente.api.event.DiplomaticEventCancelled;
import org.entente.api.event.DiplomaticEventHeld;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.event.DiplomaticEventRetracted;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.Participant;
import org.entente.api.event.ParticipantPart;
import org.entente.api.statement.SourceCited;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementCorrected;
import org.entente.api.statement.StatementRecorded;
import org.entente.api.statement.StatementRetracted;
import org.entente.testkit.TestPostgres;
import org.entente.timeline.facts.FactReader;
import org.entente.timeline.timeline.RecordedEvent;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.SlotWriter;
import org.entente.timeline.timeline.Snapshot;
import org.entente.timeline.timeline.TimelineDocuments;
import org.entente.timeline.timeline.TimelineProjector;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The projection built incrementally in PostgreSQL, event by event (some delivered twice), equals a
 * recomputation from the history; and asked {@code asOf} a record time it equals a recomputation
 * from only the events recorded up to then. Random histories mix late memberships and roles,
 * corrections, added citations, retractions, held/cancelled/amended events.
 */
class CohesionProjectionProperties {

  private static final String G = "g";
  private static final Map<String, ActorKind> ACTORS =
      Map.of(
          G,
          ActorKind.ALLIANCE,
          "grp",
          ActorKind.GROUP,
          "s1",
          ActorKind.STATE,
          "s2",
          ActorKind.STATE,
          "s3",
          ActorKind.STATE,
          "s4",
          ActorKind.STATE,
          "p1",
          ActorKind.PERSON,
          "p2",
          ActorKind.PERSON);
  private static final List<String> STATES = List.of("s1", "s2", "s3", "s4");
  private static final List<String> SPEAKERS =
      List.of("s1", "s2", "s3", "s4", "p1", "p2", "grp", G);
  private static final List<String> STATEMENTS = List.of("st0", "st1", "st2", "st3");
  private static final List<String> EVENTS = List.of("ev0", "ev1", "ev2");
  private static final LocalDate DAY0 = LocalDate.parse("2025-01-01");
  private static final Instant RECORDED0 = Instant.parse("2025-03-01T00:00:00Z");
  private static final List<Instant> TIMES =
      List.of(
          Instant.parse("2025-01-20T00:00:00Z"),
          Instant.parse("2025-02-10T00:00:00Z"),
          Instant.parse("2025-03-15T00:00:00Z"));

  private static JdbcTemplate jdbc;
  private static SlotWriter rows;
  private static FactReader facts;
  private static final TimelineProjector projector = new TimelineProjector();

  @BeforeContainer
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
    rows = new SlotWriter(jdbc, json, Slot.A);
    facts = new FactReader(new NamedParameterJdbcTemplate(jdbc), json);
  }

  @Property(tries = 60)
  void theIncrementalProjection_equalsRecomputationFromHistory_atEveryAsOf(
      @ForAll("histories") List<Object> payloads,
      @ForAll("redeliveries") List<Boolean> twice,
      @ForAll("fractions") double cut) {
    rows.clear();
    List<Recorded> history = new ArrayList<>();
    for (int i = 0; i < payloads.size(); i++) {
      Recorded r = new Recorded(payloads.get(i), RECORDED0.plus(i, ChronoUnit.MINUTES), "m" + i);
      history.add(r);
      RecordedEvent event = new RecordedEvent(r.messageId(), i + 1, r.recordedAt(), r.payload());
      projector.apply(event, rows);
      if (twice.get(i % twice.size())) {
        projector.apply(event, rows);
      }
    }
    Instant asOf = RECORDED0.plus((long) (cut * payloads.size()), ChronoUnit.MINUTES);

    for (Instant known : new Instant[] {null, asOf}) {
      CohesionHistory stored =
          GroupFacts.load(facts.at(Slot.A, new Snapshot(Long.MAX_VALUE, known)), G, null, null);
      CohesionHistory recomputed = HistoryFold.fold(history, known);
      assertSameFacts(stored, recomputed);
      for (Channel channel : Channel.values()) {
        assertThat(series(stored, channel)).isEqualTo(series(recomputed, channel));
      }
    }
  }

  /** The group's facts as loaded are the recomputed ones, restricted to the group's reach. */
  private static void assertSameFacts(CohesionHistory stored, CohesionHistory recomputed) {
    assertThat(sorted(stored.memberships())).isEqualTo(sorted(recomputed.memberships()));
    assertThat(sorted(stored.roles())).isEqualTo(sorted(recomputed.roles()));
    assertThat(recomputed.statements()).containsAll(stored.statements());
    assertThat(recomputed.events()).containsAll(stored.events());
  }

  private static <T> List<T> sorted(List<T> facts) {
    return facts.stream().sorted(Comparator.comparing(Object::toString)).toList();
  }

  private static List<CohesionPoint> series(CohesionHistory h, Channel channel) {
    CohesionParameters p = CohesionParameters.defaults();
    Resolution r = new InteractionResolver(h).resolve(G, p);
    return new CohesionCalculator(p).series(r.interactions(), r.schedule(), channel, TIMES, true);
  }

  @Provide
  Arbitrary<List<Object>> histories() {
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, registered()),
            net.jqwik.api.Tuple.of(5, membership()),
            net.jqwik.api.Tuple.of(2, role()),
            net.jqwik.api.Tuple.of(8, statement()),
            net.jqwik.api.Tuple.of(3, correction()),
            net.jqwik.api.Tuple.of(2, cited()),
            net.jqwik.api.Tuple.of(1, statementRetracted()),
            net.jqwik.api.Tuple.of(4, event()),
            net.jqwik.api.Tuple.of(3, eventChanged()))
        .list()
        .ofMinSize(1)
        .ofMaxSize(45);
  }

  @Provide
  Arbitrary<List<Boolean>> redeliveries() {
    return Arbitraries.of(true, false, false, false).list().ofMinSize(1).ofMaxSize(10);
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1);
  }

  private static Arbitrary<LocalDate> day() {
    return Arbitraries.integers().between(0, 70).map(DAY0::plusDays);
  }

  private static Arbitrary<EventTime> time() {
    return day()
        .map(
            d ->
                new EventTime(
                    d.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), TimePrecision.DAY));
  }

  private static Arbitrary<List<Citation>> citations() {
    return Arbitraries.of(AttributionGrade.class)
        .map(g -> new Citation("src", null, g))
        .list()
        .ofMaxSize(2);
  }

  private static Arbitrary<Object> registered() {
    return Arbitraries.of(ACTORS.keySet().stream().sorted().toList())
        .map(id -> new ActorRegistered(id, ACTORS.get(id), id.toUpperCase(), List.of(), Map.of()));
  }

  private static Arbitrary<Object> membership() {
    return Combinators.combine(
            Arbitraries.of(STATES),
            Arbitraries.of(G, G, "grp"),
            day(),
            Arbitraries.integers().between(-1, 60))
        .as(
            (s, g, from, length) ->
                new MembershipRecorded(s, g, from, length < 0 ? null : from.plusDays(length)));
  }

  private static Arbitrary<Object> role() {
    return Combinators.combine(
            Arbitraries.of("p1", "p2"),
            Arbitraries.of("s1", "s2", "s3", "s4", G),
            day(),
            Arbitraries.integers().between(-1, 60))
        .as(
            (p, at, from, length) ->
                new RoleAssigned(
                    p, "Minister", at, from, length < 0 ? null : from.plusDays(length)));
  }

  private static Arbitrary<Weight> weight() {
    return Combinators.combine(
            Arbitraries.doubles().between(-10, 10).ofScale(1),
            Arbitraries.of(true, true, true, false))
        .as(
            (v, goldstein) ->
                goldstein ? Weight.goldstein(v) : new Weight(v, Weight.PLOVER, "2.0"));
  }

  private static Arbitrary<Object> statement() {
    return Combinators.combine(
            Arbitraries.of(STATEMENTS),
            Arbitraries.of(SPEAKERS),
            Arbitraries.of(SPEAKERS).list().ofMinSize(1).ofMaxSize(2),
            Arbitraries.of("ev0", "ev1", "-", "-"),
            time(),
            Arbitraries.of("044", "111", "1042"),
            weight(),
            citations())
        .as(
            (id, speaker, targets, event, at, code, w, cites) ->
                new StatementRecorded(
                    id,
                    speaker,
                    event.equals("-") ? null : event,
                    targets,
                    at,
                    Stance.NEUTRAL,
                    code,
                    w,
                    null,
                    List.of(),
                    null,
                    List.of(),
                    cites));
  }

  private static Arbitrary<Object> correction() {
    return Combinators.combine(
            Arbitraries.of(STATEMENTS),
            Arbitraries.integers().between(0, 3),
            weight(),
            Arbitraries.of(SPEAKERS).list().ofMinSize(1).ofMaxSize(2),
            time(),
            Arbitraries.of(SPEAKERS))
        .as(
            (id, field, w, targets, at, speaker) ->
                switch (field) {
                  case 0 ->
                      new StatementCorrected(
                          id,
                          List.of("weight"),
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          w,
                          null,
                          null,
                          null,
                          "r");
                  case 1 ->
                      new StatementCorrected(
                          id,
                          List.of("targetIds"),
                          null,
                          null,
                          targets,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          "r");
                  case 2 ->
                      new StatementCorrected(
                          id,
                          List.of("saidAt"),
                          null,
                          null,
                          null,
                          at,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          "r");
                  default ->
                      new StatementCorrected(
                          id,
                          List.of("speakerId"),
                          speaker,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          "r");
                });
  }

  private static Arbitrary<Object> cited() {
    return Combinators.combine(Arbitraries.of(STATEMENTS), Arbitraries.of(AttributionGrade.class))
        .as((id, g) -> new SourceCited(id, new Citation("src2", null, g)));
  }

  private static Arbitrary<Object> statementRetracted() {
    return Arbitraries.of(STATEMENTS).map(id -> new StatementRetracted(id, "wrong"));
  }

  private static Arbitrary<List<Participant>> participants() {
    return Combinators.combine(
            Arbitraries.of("s1", "s2", "s3", "s4", "p1", "p2", G),
            Arbitraries.of(ParticipantPart.class))
        .as(Participant::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  private static Arbitrary<Object> event() {
    return Combinators.combine(
            Arbitraries.of(EVENTS),
            Arbitraries.of(
                EventKind.MEETING, EventKind.DINNER, EventKind.PHONE_CALL, EventKind.SPEECH),
            time(),
            participants(),
            Arbitraries.of(EventStatus.TOOK_PLACE, EventStatus.TOOK_PLACE, EventStatus.SCHEDULED),
            citations())
        .as(
            (id, kind, at, parts, status, cites) ->
                new DiplomaticEventRecorded(id, kind, "t", at, null, parts, status, cites));
  }

  private static Arbitrary<Object> eventChanged() {
    return Combinators.combine(
            Arbitraries.of(EVENTS), Arbitraries.integers().between(0, 4), time(), participants())
        .as(
            (id, change, at, parts) ->
                switch (change) {
                  case 0 -> new DiplomaticEventHeld(id, null);
                  case 1 -> new DiplomaticEventCancelled(id, "r");
                  case 2 -> new DiplomaticEventRetracted(id, "r");
                  case 3 ->
                      new DiplomaticEventAmended(
                          id, List.of("participants"), null, null, null, null, parts, null, "r");
                  default ->
                      new DiplomaticEventAmended(
                          id, List.of("time"), null, null, at, null, null, null, "r");
                });
  }
}
