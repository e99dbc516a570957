package org.entente.timeline.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.actor;
import static org.entente.timeline.support.Facts.cite;
import static org.entente.timeline.support.Facts.membership;
import static org.entente.timeline.support.Facts.participant;
import static org.entente.timeline.support.Facts.role;
import static org.entente.timeline.support.Facts.source;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.EventTime;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.TimePrecision;
import org.entente.api.common.Weight;
import org.entente.api.event.DiplomaticEventAmended;
import org.entente.api.event.DiplomaticEventCancelled;
import org.entente.api.event.DiplomaticEventHeld;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.event.DiplomaticEventRetracted;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.ParticipantPart;
import org.entente.api.statement.SourceCited;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementCorrected;
import org.entente.api.statement.StatementRecorded;
import org.entente.api.statement.StatementRetracted;
import org.entente.api.statement.TranslationAdded;
import org.entente.timeline.support.ProjectionDatabase;
import org.entente.timeline.timeline.TimelineQuery.Scope;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * For random histories of recorded, corrected and retracted statements and events (on PostgreSQL):
 *
 * <ul>
 *   <li>the timeline built event by event, with batches re-delivered as after a crash, equals a
 *       full rebuild into the other slot;
 *   <li>asked {@code asOf} any record time, it equals a timeline built from only the events
 *       recorded up to then.
 * </ul>
 */
class TimelineRebuildProperties {

  private static final Instant T0 = Instant.parse("2025-02-13T08:00:00Z");
  private static final List<String> PERSONS = List.of("p0", "p1", "p2");
  private static final List<String> STATES = List.of("state0", "state1");
  private static final String GROUP = "group";
  private static final int STATEMENTS = 3;

  private final ProjectionDatabase db = ProjectionDatabase.get();
  private final TimelineProjector projector = new TimelineProjector();

  @Test
  void incrementalBuildWithRedeliveries_equalsFullRebuild() {
    qt().withExamples(100)
        .forAll(histories())
        .checkAssert(this::incrementalBuildWithRedeliveries_equalsFullRebuild);
  }

  private void incrementalBuildWithRedeliveries_equalsFullRebuild(List<Step> steps) {
    List<RecordedEvent> events = events(steps);
    db.clear();

    buildIncrementally(Slot.A, events, steps);
    rebuild(Slot.B, events);

    assertThat(rows(Slot.A)).isEqualTo(rows(Slot.B));
    Snapshot now = new Snapshot(events.size(), null);
    for (TimelineQuery query : queries()) {
      assertThat(find(Slot.A, now, query)).as(query.actorId()).isEqualTo(find(Slot.B, now, query));
    }
  }

  @Test
  void asOfAnyRecordTime_equalsTheTimelineOfTheEventsRecordedUpToThen() {
    qt().withExamples(60)
        .forAll(histories())
        .checkAssert(this::asOfAnyRecordTime_equalsTheTimelineOfTheEventsRecordedUpToThen);
  }

  private void asOfAnyRecordTime_equalsTheTimelineOfTheEventsRecordedUpToThen(List<Step> steps) {
    List<RecordedEvent> events = events(steps);
    db.clear();
    buildIncrementally(Slot.A, events, steps);

    for (Instant asOf : recordTimes(events)) {
      List<RecordedEvent> known =
          events.stream().filter(e -> !e.recordedAt().isAfter(asOf)).toList();
      db.writer(Slot.B).clear();
      rebuild(Slot.B, known);
      for (TimelineQuery query : queries()) {
        assertThat(find(Slot.A, new Snapshot(events.size(), asOf), query))
            .as("%s as of %s", query.actorId(), asOf)
            .isEqualTo(find(Slot.B, new Snapshot(events.size(), null), query));
      }
    }
  }

  /** One generated step: what to do to which entry, how long after the previous step. */
  record Step(int op, int entry, int variant, int minutesLater, int redeliver) {}

  /** Up to 25 steps; no redelivery (0) is where shrinking heads, as it is the plain case. */
  private static Gen<List<Step>> histories() {
    Gen<Integer> op = Generate.range(0, 4);
    Gen<Integer> entry = Generate.range(0, STATEMENTS + 1);
    Gen<Integer> variant = Generate.range(0, 9);
    Gen<Integer> minutesLater = Generate.range(0, 2);
    Gen<Integer> redeliver = Generate.range(0, 3);
    Gen<Step> step =
        in ->
            new Step(
                op.generate(in),
                entry.generate(in),
                variant.generate(in),
                minutesLater.generate(in),
                redeliver.generate(in));
    return lists().of(step).ofSizeBetween(1, 25);
  }

  /** Applies each event in its own transaction; after some, re-applies the last few again. */
  private void buildIncrementally(Slot slot, List<RecordedEvent> events, List<Step> steps) {
    SlotWriter rows = db.writer(slot);
    for (int i = 0; i < events.size(); i++) {
      RecordedEvent event = events.get(i);
      db.transaction.executeWithoutResult(status -> projector.apply(event, rows));
      int redeliver = i < steps.size() ? steps.get(i).redeliver() : 0;
      int from = Math.max(0, i + 1 - redeliver);
      List<RecordedEvent> again = events.subList(from, i + 1);
      db.transaction.executeWithoutResult(status -> again.forEach(e -> projector.apply(e, rows)));
    }
  }

  /** Applies all events in one transaction, as a rebuild batch would. */
  private void rebuild(Slot slot, List<RecordedEvent> events) {
    SlotWriter rows = db.writer(slot);
    db.transaction.executeWithoutResult(status -> events.forEach(e -> projector.apply(e, rows)));
  }

  private List<TimelineEntry> find(Slot slot, Snapshot snapshot, TimelineQuery query) {
    return db.queries.find(slot, snapshot, query, 1000);
  }

  private static List<TimelineQuery> queries() {
    List<TimelineQuery> queries = new ArrayList<>();
    for (String actor : concat(PERSONS, STATES, List.of(GROUP))) {
      queries.add(
          new TimelineQuery(Scope.ACTOR, actor, null, null, Set.of(), null, null, null, null));
    }
    queries.add(
        new TimelineQuery(Scope.GROUP, GROUP, null, null, Set.of(), null, null, null, null));
    return queries;
  }

  /** Every row of a slot, without the slot column. */
  private List<Map<String, Object>> rows(Slot slot) {
    return db.jdbc.queryForList(
        "select 'version' t, entry_id || '#' || version k, entry_type || kind || event_time"
            + " || coalesce(best_grade::text, '-') || topics::text || recorded_from"
            + " || recorded_from_position || coalesce(recorded_to::text, '-')"
            + " || coalesce(recorded_to_position::text, '-') || doc::text v"
            + " from tl_entry_version where slot = ?"
            + " union all select 'link', entry_id || '#' || version, actor_id || role"
            + " from tl_entry_actor where slot = ?"
            + " union all select 'actor', actor_id, name || kind || recorded_at || position"
            + " from tl_actor where slot = ?"
            + " union all select 'membership', position::text, actor_id || group_id || from_date"
            + " from tl_membership where slot = ?"
            + " union all select 'role', position::text, actor_id || at_actor_id || from_date"
            + " from tl_role where slot = ?"
            + " union all select 'source', source_id, title || position from tl_source where slot = ?"
            + " order by 1, 2, 3",
        slot.code(),
        slot.code(),
        slot.code(),
        slot.code(),
        slot.code(),
        slot.code());
  }

  /** The distinct record times, at most eight of them, spread over the history. */
  private static List<Instant> recordTimes(List<RecordedEvent> events) {
    List<Instant> all =
        new ArrayList<>(new TreeSet<>(events.stream().map(RecordedEvent::recordedAt).toList()));
    if (all.size() <= 8) {
      return all;
    }
    List<Instant> spread = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      spread.add(all.get(i * (all.size() - 1) / 7));
    }
    return spread;
  }

  /**
   * Turns steps into a valid history: actors, memberships, a role and a source first (all at the
   * same record time), then statements and events that are recorded before they change and never
   * changed after a retraction. Record times never decrease; equal ones are frequent.
   */
  private static List<RecordedEvent> events(List<Step> steps) {
    List<Object> preamble = new ArrayList<>();
    PERSONS.forEach(p -> preamble.add(actor(p, ActorKind.PERSON, "Person " + p)));
    STATES.forEach(s -> preamble.add(actor(s, ActorKind.STATE, "State " + s)));
    preamble.add(actor(GROUP, ActorKind.ALLIANCE, "Alliance"));
    preamble.add(membership("state0", GROUP, "2025-01-01", null));
    preamble.add(membership("state1", GROUP, "2025-02-14", "2025-03-01"));
    preamble.add(role("p0", "Minister", "state0", "2025-02-01", null));
    preamble.add(role("p1", "Secretary General", GROUP, "2024-10-01", null));
    preamble.add(source("src", "Source"));

    List<RecordedEvent> events = new ArrayList<>();
    for (Object payload : preamble) {
      events.add(new RecordedEvent(events.size() + 1, T0, payload));
    }
    Set<String> recorded = new HashSet<>();
    Set<String> retracted = new HashSet<>();
    Map<String, Integer> corrections = new LinkedHashMap<>();
    Instant at = T0;
    for (Step step : steps) {
      at = at.plusSeconds(60L * step.minutesLater());
      boolean statement = step.entry() < STATEMENTS;
      String id = (statement ? "s" : "e") + step.entry();
      Object payload;
      if (!recorded.contains(id)) {
        payload = statement ? recordStatement(id, step.variant()) : recordEvent(id, step.variant());
        recorded.add(id);
      } else if (retracted.contains(id) || step.op() == 0) {
        continue;
      } else if (step.op() == 2) {
        payload =
            statement
                ? new StatementRetracted(id, "retracted " + step.variant())
                : new DiplomaticEventRetracted(id, "retracted " + step.variant());
        retracted.add(id);
      } else {
        int n = corrections.merge(id, 1, Integer::sum);
        payload = statement ? changeStatement(id, step, n) : changeEvent(id, step, n);
      }
      events.add(new RecordedEvent(events.size() + 1, at, payload));
    }
    return events;
  }

  private static String person(int variant) {
    return PERSONS.get(variant % PERSONS.size());
  }

  private static List<String> targets(int variant) {
    return switch (variant % 4) {
      case 0 -> List.of();
      case 1 -> List.of(GROUP);
      case 2 -> List.of("state1", person(variant + 1));
      default -> List.of("state0");
    };
  }

  private static EventTime time(int variant) {
    return new EventTime(
        Instant.parse("2025-02-10T00:00:00Z").plusSeconds(86_400L * (variant % 6)),
        TimePrecision.DAY);
  }

  private static StatementRecorded recordStatement(String id, int variant) {
    return new StatementRecorded(
        id,
        variant % 5 == 4 ? "state0" : person(variant),
        null,
        targets(variant),
        time(variant),
        Stance.values()[variant % Stance.values().length],
        "111",
        Weight.goldstein(-2),
        null,
        variant % 2 == 0 ? List.of("defence") : List.of(),
        new LocalizedText("nl", "said " + variant),
        List.of(),
        variant % 3 == 0
            ? List.of()
            : List.of(cite("src", AttributionGrade.values()[variant % 7])));
  }

  private static Object changeStatement(String id, Step step, int n) {
    int v = step.variant();
    if (step.op() == 3) {
      return new TranslationAdded(id, new LocalizedText("en", "translation " + n), null);
    }
    if (step.op() == 4) {
      return new SourceCited(id, cite("src", AttributionGrade.values()[(v + n) % 7]));
    }
    return switch (v % 4) {
      case 0 ->
          new StatementCorrected(
              id,
              List.of("original"),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              new LocalizedText("nl", "corrected " + n),
              "text " + n);
      case 1 ->
          new StatementCorrected(
              id,
              List.of("targetIds"),
              null,
              null,
              targets(v + n),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              "targets " + n);
      case 2 ->
          new StatementCorrected(
              id,
              List.of("saidAt", "speakerId"),
              person(v + n),
              null,
              null,
              time(v + n),
              null,
              null,
              null,
              null,
              null,
              null,
              "time " + n);
      default ->
          new StatementCorrected(
              id,
              List.of("stance", "topics"),
              null,
              null,
              null,
              null,
              Stance.values()[(v + n) % Stance.values().length],
              null,
              null,
              null,
              List.of("topic" + n),
              null,
              "stance " + n);
    };
  }

  private static DiplomaticEventRecorded recordEvent(String id, int variant) {
    return new DiplomaticEventRecorded(
        id,
        EventKind.values()[variant % EventKind.values().length],
        "event " + variant,
        time(variant),
        "Brussels",
        List.of(
            participant(person(variant), ParticipantPart.HOST),
            participant(STATES.get(variant % 2), ParticipantPart.GUEST)),
        variant % 2 == 0 ? EventStatus.SCHEDULED : EventStatus.TOOK_PLACE,
        variant % 3 == 0 ? List.of() : List.of(cite("src", AttributionGrade.NAMED_PARAPHRASE)));
  }

  private static Object changeEvent(String id, Step step, int n) {
    int v = step.variant();
    if (step.op() == 3) {
      return new DiplomaticEventHeld(id, v % 2 == 0 ? null : time(v + n));
    }
    if (step.op() == 4) {
      return new DiplomaticEventCancelled(id, "cancelled " + n);
    }
    return new DiplomaticEventAmended(
        id,
        List.of("title", "time", "participants"),
        null,
        "amended " + n,
        time(v + n),
        null,
        List.of(participant(person(v + n), ParticipantPart.SPEAKER)),
        null,
        "amendment " + n);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return all;
  }
}
