package org.entente.timeline.cohesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
import org.entente.timeline.cohesion.arithmetic.Channel;
import org.entente.timeline.cohesion.arithmetic.CohesionCalculator;
import org.entente.timeline.cohesion.arithmetic.CohesionHistory;
import org.entente.timeline.cohesion.arithmetic.CohesionParameters;
import org.entente.timeline.cohesion.arithmetic.CohesionPoint;
import org.entente.timeline.cohesion.arithmetic.CohesionScale;
import org.entente.timeline.cohesion.arithmetic.EventFact;
import org.entente.timeline.cohesion.arithmetic.InteractionResolver;
import org.entente.timeline.cohesion.arithmetic.Resolution;
import org.entente.timeline.cohesion.arithmetic.RoleFact;
import org.entente.timeline.cohesion.arithmetic.StatementFact;
import org.entente.timeline.facts.FactReader;
import org.entente.timeline.timeline.BufferedRows;
import org.entente.timeline.timeline.RecordedEvent;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.SlotWriter;
import org.entente.timeline.timeline.Snapshot;
import org.entente.timeline.timeline.TimelineDocuments;
import org.entente.timeline.timeline.TimelineEntry;
import org.entente.timeline.timeline.TimelineProjector;
import org.entente.timeline.timeline.TimelineQueries;
import org.entente.timeline.timeline.TimelineQuery;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The read side's one fact store built incrementally in PostgreSQL, event by event (some delivered
 * twice), equals a rebuild; cohesion read from it equals a recomputation from the history; and
 * asked {@code asOf} a record time, cohesion and the timeline both answer as a recomputation from
 * only the events recorded up to then. Random histories mix late memberships and roles,
 * corrections, added citations, retractions, held/cancelled/amended events, and event times in any
 * order.
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

  /**
   * Each example costs a database round of up to a second: shrinking is bounded (as jqwik's was by
   * time), so a failure is reported within a minute or two rather than after a million tries.
   */
  private static final int SHRINK_CYCLES = 50;

  private static JdbcTemplate jdbc;
  private static SlotWriter incremental;
  private static SlotWriter rebuilt;
  private static FactReader facts;
  private static TimelineQueries timelines;
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
    TimelineDocuments documents = new TimelineDocuments();
    ObjectMapper json = documents.mapper();
    incremental = new SlotWriter(jdbc, json, Slot.A);
    rebuilt = new SlotWriter(jdbc, json, Slot.B);
    facts = new FactReader(new NamedParameterJdbcTemplate(jdbc), json);
    timelines = new TimelineQueries(new NamedParameterJdbcTemplate(jdbc), documents);
  }

  @Test
  void theIncrementalProjection_equalsRecomputationFromHistory_atEveryAsOf() {
    qt().withExamples(60)
        .withShrinkCycles(SHRINK_CYCLES)
        .forAll(histories(), redeliveries(), doubles().between(0, 1))
        .checkAssert(
            CohesionProjectionProperties
                ::theIncrementalProjection_equalsRecomputationFromHistory_atEveryAsOf);
  }

  /**
   * The fact store built event by event (some delivered twice) equals a rebuild into the other slot
   * (every row, fan-out rows included); cohesion read from it equals a recomputation from the
   * history, now and {@code asOf} a record time; and at that record time the timeline shows exactly
   * the records cohesion counts (the same snapshot rule for both views).
   */
  private static void theIncrementalProjection_equalsRecomputationFromHistory_atEveryAsOf(
      List<Object> payloads, List<Boolean> twice, double cut) {
    incremental.clear();
    rebuilt.clear();
    List<Recorded> history = new ArrayList<>();
    for (int i = 0; i < payloads.size(); i++) {
      Recorded r = new Recorded(payloads.get(i), RECORDED0.plus(i, ChronoUnit.MINUTES), "m" + i);
      history.add(r);
      RecordedEvent event = new RecordedEvent(r.messageId(), i + 1, r.recordedAt(), r.payload());
      projector.apply(event, incremental);
      if (twice.get(i % twice.size())) {
        projector.apply(event, incremental);
      }
    }
    // the rebuild handles the history in batches (as a processor with batch-size > 1 does), each
    // written at once by a buffer
    int batchSize = twice.size();
    BufferedRows batch = rebuilt.buffered();
    for (int i = 0; i < history.size(); i++) {
      Recorded r = history.get(i);
      projector.apply(new RecordedEvent(r.messageId(), i + 1, r.recordedAt(), r.payload()), batch);
      if ((i + 1) % batchSize == 0) {
        batch.flush();
      }
    }
    batch.flush();
    assertThat(rows(Slot.A)).isEqualTo(rows(Slot.B));
    Instant asOf = RECORDED0.plus((long) (cut * payloads.size()), ChronoUnit.MINUTES);

    for (Instant known : new Instant[] {null, asOf}) {
      Snapshot snapshot = new Snapshot(Long.MAX_VALUE, known);
      CohesionHistory stored = GroupFacts.load(facts.at(Slot.A, snapshot), G, null, null, null);
      CohesionHistory recomputed = HistoryFold.fold(history, known);
      assertSameFacts(stored, recomputed);
      for (CohesionScale scale : CohesionScale.values()) {
        // only the statements spoken within the reach (or on another scale) are read: the same
        // resolution as from every statement naming the reach
        CohesionHistory within = GroupFacts.load(facts.at(Slot.A, snapshot), G, null, null, scale);
        assertSameResolution(within, stored, CohesionParameters.defaults().withScale(scale));
      }
      for (Channel channel : Channel.values()) {
        assertThat(series(stored, channel)).isEqualTo(series(recomputed, channel));
      }
      for (String actor : SPEAKERS) {
        assertThat(onTimeline(actor, snapshot)).isEqualTo(named(recomputed, actor));
      }
      assertThat(onGroupTimeline(G, snapshot)).isEqualTo(inGroupPage(recomputed, G));
    }
  }

  /** Every row of a slot, without the slot: two slots built from one history are equal. */
  private static List<String> rows(Slot slot) {
    return jdbc.queryForList(
        "select 'v|' || entry_id || '|' || version || '|' || event_time || '|' || recorded_from"
            + " || '|' || coalesce(recorded_to::text, '-') || '|' || doc::text from tl_entry_version"
            + " where slot = ?"
            + " union all select 'a|' || entry_id || '|' || version || '|' || actor_id || '|' || role"
            + " from tl_entry_actor where slot = ?"
            + " union all select 'p|' || owner_id || '|' || entry_id || '|' || version || '|' || role"
            + " || '|' || cause || '|' || coalesce(cause_recorded_at::text, '-')"
            + " from tl_page_row where slot = ?"
            + " union all select 'm|' || event_id || '|' || actor_id || '|' || group_id"
            + " from tl_membership where slot = ?"
            + " union all select 'r|' || event_id || '|' || actor_id || '|' || at_actor_id"
            + " from tl_role where slot = ?"
            + " union all select 'x|' || actor_id || '|' || kind from tl_actor where slot = ?"
            + " order by 1",
        String.class,
        slot.code(),
        slot.code(),
        slot.code(),
        slot.code(),
        slot.code(),
        slot.code());
  }

  /** The records on the actor's timeline in the snapshot, retracted ones left out. */
  private static Set<String> onTimeline(String actorId, Snapshot snapshot) {
    TimelineQuery query =
        new TimelineQuery(
            TimelineQuery.Scope.ACTOR, actorId, null, null, Set.of(), null, null, null, null);
    return timelines.find(Slot.A, snapshot, query, 1000).stream()
        .filter(e -> !e.retracted())
        .map(TimelineEntry::entryId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> onGroupTimeline(String groupId, Snapshot snapshot) {
    TimelineQuery query =
        new TimelineQuery(
            TimelineQuery.Scope.GROUP, groupId, null, null, Set.of(), null, null, null, null);
    return timelines.find(Slot.A, snapshot, query, 1000).stream()
        .filter(e -> !e.retracted())
        .map(TimelineEntry::entryId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The group's page as the README defines it, from the recomputed history: records of the group
   * itself, of its members during membership, of persons during a role at the group or at a member
   * (within both periods), at the record's day.
   */
  private static Set<String> inGroupPage(CohesionHistory h, String groupId) {
    Set<String> ids = new TreeSet<>();
    for (StatementFact st : h.statements()) {
      List<String> named = new ArrayList<>(st.targetIds());
      named.add(st.speakerId());
      if (reaches(h, groupId, named, st.saidAt().at())) {
        ids.add(st.statementId());
      }
    }
    for (EventFact e : h.events()) {
      List<String> named = e.participants().stream().map(Participant::actorId).toList();
      if (reaches(h, groupId, named, e.time().at())) {
        ids.add(e.eventId());
      }
    }
    return ids;
  }

  private static boolean reaches(
      CohesionHistory h, String groupId, List<String> actors, Instant time) {
    LocalDate day = time.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    for (String a : actors) {
      if (a.equals(groupId) || member(h, groupId, a, day)) {
        return true;
      }
      for (RoleFact r : h.roles()) {
        if (r.personId().equals(a)
            && r.covers(day)
            && (r.atActorId().equals(groupId) || member(h, groupId, r.atActorId(), day))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean member(CohesionHistory h, String groupId, String actorId, LocalDate day) {
    return h.memberships().stream()
        .anyMatch(
            m -> m.groupId().equals(groupId) && m.memberId().equals(actorId) && m.covers(day));
  }

  /** The statements and events of the recomputed history that name the actor. */
  private static Set<String> named(CohesionHistory h, String actorId) {
    Set<String> ids = new TreeSet<>();
    h.statements().stream()
        .filter(s -> actorId.equals(s.speakerId()) || s.targetIds().contains(actorId))
        .forEach(s -> ids.add(s.statementId()));
    h.events().stream()
        .filter(e -> e.participants().stream().anyMatch(p -> p.actorId().equals(actorId)))
        .forEach(e -> ids.add(e.eventId()));
    return ids;
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

  private static void assertSameResolution(
      CohesionHistory within, CohesionHistory all, CohesionParameters p) {
    Resolution a = new InteractionResolver(within).resolve(G, p);
    Resolution b = new InteractionResolver(all).resolve(G, p);
    assertThat(a.interactions()).isEqualTo(b.interactions());
    assertThat(a.facts()).isEqualTo(b.facts());
    assertThat(a.duplicates()).isEqualTo(b.duplicates());
    assertThat(a.otherScale()).isEqualTo(b.otherScale());
    assertThat(a.scaleVersions()).isEqualTo(b.scaleVersions());
  }

  private static List<CohesionPoint> series(CohesionHistory h, Channel channel) {
    CohesionParameters p = CohesionParameters.defaults();
    Resolution r = new InteractionResolver(h).resolve(G, p);
    return new CohesionCalculator(p).series(r.interactions(), r.schedule(), channel, TIMES, true);
  }

  static Gen<List<Object>> histories() {
    return lists()
        .of(
            Generate.frequency(
                List.of(
                    Pair.of(3, registered()),
                    Pair.of(5, membership()),
                    Pair.of(2, role()),
                    Pair.of(8, statement()),
                    Pair.of(3, correction()),
                    Pair.of(2, cited()),
                    Pair.of(1, statementRetracted()),
                    Pair.of(4, event()),
                    Pair.of(3, eventChanged()))))
        .ofSizeBetween(1, 45);
  }

  static Gen<List<Boolean>> redeliveries() {
    return lists().of(Generate.pick(List.of(true, false, false, false))).ofSizeBetween(1, 10);
  }

  private static Gen<LocalDate> day() {
    return Generate.range(0, 70).map(DAY0::plusDays);
  }

  private static Gen<EventTime> time() {
    return day()
        .map(
            d ->
                new EventTime(
                    d.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), TimePrecision.DAY));
  }

  private static Gen<List<Citation>> citations() {
    return lists()
        .of(Generate.enumValues(AttributionGrade.class).map(g -> new Citation("src", null, g)))
        .ofSizeBetween(0, 2);
  }

  private static Gen<Object> registered() {
    return Generate.pick(ACTORS.keySet().stream().sorted().toList())
        .map(id -> new ActorRegistered(id, ACTORS.get(id), id.toUpperCase(), List.of(), Map.of()));
  }

  private static Gen<Object> membership() {
    return Generate.pick(STATES)
        .zip(
            Generate.pick(List.of(G, G, "grp")),
            day(),
            Generate.range(-1, 60),
            (s, g, from, length) ->
                new MembershipRecorded(s, g, from, length < 0 ? null : from.plusDays(length)));
  }

  private static Gen<Object> role() {
    return Generate.pick(List.of("p1", "p2"))
        .zip(
            Generate.pick(List.of("s1", "s2", "s3", "s4", G)),
            day(),
            Generate.range(-1, 60),
            (p, at, from, length) ->
                new RoleAssigned(
                    p, "Minister", at, from, length < 0 ? null : from.plusDays(length)));
  }

  private static Gen<Weight> weight() {
    return Generate.range(-100, 100)
        .map(tenths -> tenths / 10.0)
        .zip(
            Generate.pick(List.of(true, true, true, false)),
            (v, goldstein) ->
                goldstein ? Weight.goldstein(v) : new Weight(v, Weight.PLOVER, "2.0"));
  }

  private static Gen<Object> statement() {
    Gen<String> ids = Generate.pick(STATEMENTS);
    Gen<String> speakers = Generate.pick(SPEAKERS);
    Gen<List<String>> targets = lists().of(Generate.pick(SPEAKERS)).ofSizeBetween(1, 2);
    Gen<String> events = Generate.pick(List.of("ev0", "ev1", "-", "-"));
    Gen<EventTime> times = time();
    Gen<String> codes = Generate.pick(List.of("044", "111", "1042"));
    Gen<Weight> weights = weight();
    Gen<List<Citation>> citations = citations();
    return in -> {
      String id = ids.generate(in);
      String speaker = speakers.generate(in);
      List<String> to = targets.generate(in);
      String event = events.generate(in);
      return new StatementRecorded(
          id,
          speaker,
          event.equals("-") ? null : event,
          to,
          times.generate(in),
          Stance.NEUTRAL,
          codes.generate(in),
          weights.generate(in),
          null,
          List.of(),
          null,
          List.of(),
          citations.generate(in));
    };
  }

  private static Gen<Object> correction() {
    Gen<String> ids = Generate.pick(STATEMENTS);
    Gen<Integer> fields = Generate.range(0, 3);
    Gen<Weight> weights = weight();
    Gen<List<String>> targetLists = lists().of(Generate.pick(SPEAKERS)).ofSizeBetween(1, 2);
    Gen<EventTime> times = time();
    Gen<String> speakers = Generate.pick(SPEAKERS);
    return in ->
        correction(
            ids.generate(in),
            fields.generate(in),
            weights.generate(in),
            targetLists.generate(in),
            times.generate(in),
            speakers.generate(in));
  }

  private static Object correction(
      String id, int field, Weight w, List<String> targets, EventTime at, String speaker) {
    return switch (field) {
      case 0 ->
          new StatementCorrected(
              id, List.of("weight"), null, null, null, null, null, null, w, null, null, null, "r");
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
              id, List.of("saidAt"), null, null, null, at, null, null, null, null, null, null, "r");
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
    };
  }

  private static Gen<Object> cited() {
    return Generate.pick(STATEMENTS)
        .zip(
            Generate.enumValues(AttributionGrade.class),
            (id, g) -> new SourceCited(id, new Citation("src2", null, g)));
  }

  private static Gen<Object> statementRetracted() {
    return Generate.pick(STATEMENTS).map(id -> new StatementRetracted(id, "wrong"));
  }

  private static Gen<List<Participant>> participants() {
    return lists()
        .of(
            Generate.pick(List.of("s1", "s2", "s3", "s4", "p1", "p2", G))
                .zip(Generate.enumValues(ParticipantPart.class), Participant::new))
        .ofSizeBetween(1, 4);
  }

  private static Gen<Object> event() {
    Gen<String> ids = Generate.pick(EVENTS);
    Gen<EventKind> kinds =
        Generate.pick(
            List.of(EventKind.MEETING, EventKind.DINNER, EventKind.PHONE_CALL, EventKind.SPEECH));
    Gen<EventTime> times = time();
    Gen<List<Participant>> participants = participants();
    Gen<EventStatus> statuses =
        Generate.pick(
            List.of(EventStatus.TOOK_PLACE, EventStatus.TOOK_PLACE, EventStatus.SCHEDULED));
    Gen<List<Citation>> citations = citations();
    return in ->
        new DiplomaticEventRecorded(
            ids.generate(in),
            kinds.generate(in),
            "t",
            times.generate(in),
            null,
            participants.generate(in),
            statuses.generate(in),
            citations.generate(in));
  }

  private static Gen<Object> eventChanged() {
    return Generate.pick(EVENTS)
        .zip(
            Generate.range(0, 4),
            time(),
            participants(),
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
