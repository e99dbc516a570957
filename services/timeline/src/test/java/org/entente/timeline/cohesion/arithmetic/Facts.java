package org.entente.timeline.cohesion.arithmetic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.Excerpt;
import org.entente.api.common.Weight;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.Participant;
import org.entente.api.statement.Stance;

/** A small builder of histories for unit tests. */
final class Facts {

  static final String GROUP = "alliance";

  private final List<ActorFact> actors = new ArrayList<>();
  private final List<MembershipFact> memberships = new ArrayList<>();
  private final List<RoleFact> roles = new ArrayList<>();
  private final List<StatementFact> statements = new ArrayList<>();
  private final List<EventFact> events = new ArrayList<>();

  static Facts history() {
    return new Facts().actor(GROUP, ActorKind.ALLIANCE);
  }

  static Instant at(String date) {
    return Instant.parse(date + "T00:00:00Z");
  }

  Facts actor(String id, ActorKind kind) {
    actors.add(new ActorFact(id, kind, id));
    return this;
  }

  /** States that are members of {@link #GROUP} from 2000-01-01 on. */
  Facts members(String... states) {
    for (String s : states) {
      actor(s, ActorKind.STATE);
      member(s, GROUP, "2000-01-01", null);
    }
    return this;
  }

  Facts member(String member, String group, String from, String to) {
    memberships.add(
        new MembershipFact(
            member, group, LocalDate.parse(from), to == null ? null : LocalDate.parse(to)));
    return this;
  }

  Facts role(String person, String at, String from, String to) {
    actor(person, ActorKind.PERSON);
    roles.add(
        new RoleFact(
            person,
            "Minister",
            at,
            LocalDate.parse(from),
            to == null ? null : LocalDate.parse(to)));
    return this;
  }

  Facts says(
      String id,
      String speaker,
      String target,
      String date,
      double weight,
      AttributionGrade grade) {
    return says(id, speaker, List.of(target), null, date, "111", Weight.goldstein(weight), grade);
  }

  Facts says(
      String id,
      String speaker,
      List<String> targets,
      String eventId,
      String date,
      String code,
      Weight weight,
      AttributionGrade... grades) {
    List<Citation> citations =
        Arrays.stream(grades).map(g -> new Citation("src", new Excerpt(0, 1, null), g)).toList();
    statements.add(
        new StatementFact(
            id,
            speaker,
            eventId,
            targets,
            EventTime.instant(at(date)),
            Stance.NEUTRAL,
            code,
            weight,
            citations));
    return this;
  }

  Facts event(String id, EventKind kind, String date, Participant... participants) {
    events.add(
        new EventFact(
            id,
            kind,
            id,
            EventTime.instant(at(date)),
            EventStatus.TOOK_PLACE,
            List.of(participants),
            List.of(new Citation("src", null, AttributionGrade.DIRECT_QUOTE))));
    return this;
  }

  CohesionHistory build() {
    return new CohesionHistory(actors, memberships, roles, statements, events);
  }

  Resolution resolve(CohesionParameters p) {
    return new InteractionResolver(build()).resolve(GROUP, p);
  }

  Resolution resolve() {
    return resolve(CohesionParameters.defaults());
  }

  /** The value of the cohesion series at the start of {@code date}. */
  double value(String date) {
    return value(date, CohesionParameters.defaults());
  }

  double value(String date, CohesionParameters p) {
    return point(date, p, Channel.PAIR).value();
  }

  CohesionPoint point(String date, CohesionParameters p, Channel channel) {
    Resolution r = resolve(p);
    return new CohesionCalculator(p)
        .series(r.interactions(), r.schedule(), channel, List.of(at(date)), true)
        .get(0);
  }
}
