package org.entente.timeline.cohesion.arithmetic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.event.EventStatus;
import org.entente.api.event.ParticipantPart;

/**
 * Turns statements and diplomatic events into interactions between the members of one group (see
 * docs/cohesion.md, "Rules"):
 *
 * <ul>
 *   <li>an actor that is a member of the group on the day stands for itself; a person stands for
 *       the actors they hold a role at on that day; an ad-hoc group (kind GROUP) stands for each of
 *       its members on that day; the group itself, or a person holding a role at it, is the
 *       institution;
 *   <li>a statement counts on every unordered pair of a speaking member and a targeted member, and
 *       between members and the institution when one side is the institution;
 *   <li>an event that took place is one interaction of its kind's weight, shared out equally over
 *       the n(n−1)/2 pairs of its n parties (members and the institution); a multilateral act (an
 *       AGREEMENT: a treaty, a communiqué or joint declaration adopted together) is a full
 *       interaction for every pair of its signatories (its parties but ATTENDEEs);
 *   <li>records of one diplomatic event on one pair with one code pointing opposite ways are one
 *       interaction.
 * </ul>
 */
public final class InteractionResolver {

  private static final int MAX_DEPTH = 4;

  private final Map<String, ActorKind> kinds = new HashMap<>();
  private final Map<String, List<MembershipFact>> byGroup = new HashMap<>();
  private final Map<String, List<MembershipFact>> byMember = new HashMap<>();
  private final Map<String, List<RoleFact>> rolesByPerson = new HashMap<>();
  private final CohesionHistory history;

  public InteractionResolver(CohesionHistory history) {
    this.history = history;
    history.actors().forEach(a -> kinds.put(a.actorId(), a.kind()));
    for (MembershipFact m : history.memberships()) {
      byGroup.computeIfAbsent(m.groupId(), g -> new ArrayList<>()).add(m);
      byMember.computeIfAbsent(m.memberId(), g -> new ArrayList<>()).add(m);
    }
    history
        .roles()
        .forEach(r -> rolesByPerson.computeIfAbsent(r.personId(), p -> new ArrayList<>()).add(r));
  }

  public Resolution resolve(String groupId, CohesionParameters parameters) {
    MemberSchedule schedule =
        parameters.members() != null
            ? MemberSchedule.fixed(groupId, parameters.members())
            : MemberSchedule.of(groupId, byGroup.getOrDefault(groupId, List.of()));
    Run run = new Run(groupId, parameters, schedule);
    history.statements().forEach(run::statement);
    history.events().forEach(run::event);
    return run.finish();
  }

  /** What an actor stands for in the group on a day: members, and maybe the institution. */
  static final class Party {
    final Set<String> members = new TreeSet<>();
    final Set<String> hosts = new TreeSet<>();
    boolean institution;
    boolean institutionHost;

    /** Adds what {@code other} stands for; as a host when {@code host}. */
    void add(Party other, boolean host) {
      members.addAll(other.members);
      institution |= other.institution;
      if (host) {
        hosts.addAll(other.members);
        institutionHost |= other.institution;
      }
    }
  }

  private final class Run {
    private final String groupId;
    private final CohesionParameters parameters;
    private final MemberSchedule schedule;
    private final List<Interaction> candidates = new ArrayList<>();
    private final Map<String, FactSummary> facts = new HashMap<>();
    private final Set<String> versions = new TreeSet<>();
    private int otherScale;

    Run(String groupId, CohesionParameters parameters, MemberSchedule schedule) {
      this.groupId = groupId;
      this.parameters = parameters;
      this.schedule = schedule;
    }

    void statement(StatementFact s) {
      if (s.saidAt() == null || s.weight() == null || s.speakerId() == null) {
        return;
      }
      if (!parameters.scale().codes(s.weight())) {
        otherScale++;
        return;
      }
      Instant time = s.saidAt().at();
      LocalDate day = day(time);
      Party speaker = party(s.speakerId(), day);
      Party targets = new Party();
      s.targetIds().forEach(t -> targets.add(party(t, day), false));
      AttributionGrade grade = bestGrade(s.citations());
      double r = parameters.reliabilityOf(grade);
      double g = clamp(s.weight().value());
      // only records of one diplomatic event can be each other's reciprocal duplicates
      String occasion =
          s.eventId() != null ? "event:" + s.eventId() : "statement:" + s.statementId();
      Map<String, Direction> pairs = new TreeMap<>();
      for (String a : speaker.members) {
        for (String b : targets.members) {
          if (!a.equals(b)) {
            Direction d = a.compareTo(b) < 0 ? Direction.A_TO_B : Direction.B_TO_A;
            pairs.merge(ordered(a, b), d, Direction::merge);
          }
        }
      }
      Map<String, Direction> institution = new TreeMap<>();
      if (targets.institution) {
        speaker.members.forEach(a -> institution.merge(a, Direction.A_TO_B, Direction::merge));
      }
      if (speaker.institution) {
        targets.members.forEach(b -> institution.merge(b, Direction.B_TO_A, Direction::merge));
      }
      if (pairs.isEmpty() && institution.isEmpty()) {
        return;
      }
      pairs.forEach(
          (pair, d) -> {
            String[] ab = pair.split("\u0000");
            candidates.add(
                new Interaction(
                    FactKind.STATEMENT,
                    s.statementId(),
                    time,
                    Channel.PAIR,
                    ab[0],
                    ab[1],
                    d,
                    g,
                    r,
                    1.0,
                    s.cameoCode(),
                    occasion));
          });
      institution.forEach(
          (member, d) ->
              candidates.add(
                  new Interaction(
                      FactKind.STATEMENT,
                      s.statementId(),
                      time,
                      Channel.INSTITUTION,
                      member,
                      groupId,
                      d,
                      g,
                      r,
                      1.0,
                      s.cameoCode(),
                      occasion)));
      versions.add(s.weight().scaleVersion());
      String label = s.stance() + " " + s.cameoCode() + " (" + s.weight().value() + ")";
      FactSummary summary =
          new FactSummary(
              FactKind.STATEMENT,
              s.statementId(),
              time,
              label,
              s.speakerId(),
              s.targetIds(),
              s.eventId(),
              grade,
              r,
              s.citations());
      facts.put(summary.key(), summary);
    }

    void event(EventFact e) {
      if (e.status() != EventStatus.TOOK_PLACE || e.time() == null || e.kind() == null) {
        return;
      }
      var codes = EventKindWeights.of(e.kind());
      if (codes.isEmpty()) {
        return;
      }
      if (parameters.scale() != CohesionScale.GOLDSTEIN) {
        otherScale++;
        return;
      }
      Instant time = e.time().at();
      LocalDate day = day(time);
      boolean act = EventKindWeights.isMultilateralAct(e.kind());
      Party parties = new Party();
      for (var participant : e.participants()) {
        if (act && participant.part() == ParticipantPart.ATTENDEE) {
          continue; // an observer of a signing is no signatory
        }
        parties.add(party(participant.actorId(), day), participant.part() == ParticipantPart.HOST);
      }
      int n = parties.members.size() + (parties.institution ? 1 : 0);
      if (n < 2) {
        return;
      }
      // a signed act binds every pair of its signatories; an occasion is one interaction shared
      double share = act ? 1.0 : 2.0 / (n * (n - 1.0));
      AttributionGrade grade = bestGrade(e.sources());
      double r = parameters.reliabilityOf(grade);
      String occasion = "event:" + e.eventId();
      List<String> members = new ArrayList<>(parties.members);
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          String a = members.get(i);
          String b = members.get(j);
          boolean hosted = parties.hosts.contains(a) ^ parties.hosts.contains(b);
          candidates.add(
              new Interaction(
                  FactKind.EVENT,
                  e.eventId(),
                  time,
                  Channel.PAIR,
                  a,
                  b,
                  Direction.MUTUAL,
                  codes.get().weight(hosted),
                  r,
                  share,
                  codes.get().code(hosted),
                  occasion));
        }
      }
      if (parties.institution) {
        for (String m : members) {
          boolean hosted = parties.institutionHost ^ parties.hosts.contains(m);
          candidates.add(
              new Interaction(
                  FactKind.EVENT,
                  e.eventId(),
                  time,
                  Channel.INSTITUTION,
                  m,
                  groupId,
                  Direction.MUTUAL,
                  codes.get().weight(hosted),
                  r,
                  share,
                  codes.get().code(hosted),
                  occasion));
        }
      }
      versions.add(CohesionScale.GOLDSTEIN.defaultVersion());
      FactSummary summary =
          new FactSummary(
              FactKind.EVENT,
              e.eventId(),
              time,
              e.kind() + " " + e.title(),
              null,
              e.participants().stream().map(p -> p.actorId()).toList(),
              e.eventId(),
              grade,
              r,
              e.sources());
      facts.put(summary.key(), summary);
    }

    /** What {@code actorId} stands for in the group on {@code day}. */
    Party party(String actorId, LocalDate day) {
      Party party = new Party();
      collect(actorId, day, 0, new HashSet<>(), party);
      return party;
    }

    private void collect(String actorId, LocalDate day, int depth, Set<String> seen, Party into) {
      if (actorId.equals(groupId)) {
        into.institution = true;
        return;
      }
      if (schedule.isMember(actorId, day)) {
        into.members.add(actorId);
        return;
      }
      if (depth >= MAX_DEPTH || !seen.add(actorId)) {
        return;
      }
      for (RoleFact role : rolesByPerson.getOrDefault(actorId, List.of())) {
        if (role.covers(day)) {
          collect(role.atActorId(), day, depth + 1, seen, into);
        }
      }
      if (kinds.get(actorId) == ActorKind.GROUP) {
        for (MembershipFact m : byGroup.getOrDefault(actorId, List.of())) {
          if (m.covers(day)) {
            collect(m.memberId(), day, depth + 1, seen, into);
          }
        }
      }
    }

    /**
     * Keeps one interaction of each reciprocal set: records of one occasion, at one time, on one
     * pair, with one code and weight, that point opposite ways (or come from an event, which points
     * both ways). The record that weighs most is kept (the largest mass: reliability × share), then
     * the best reliability, then the smallest id. A kept record absorbs at most one record of each
     * other direction, so two praises one way and one the other way stay two interactions. So
     * adding a record never takes more weight away than it brings.
     */
    Resolution finish() {
      Map<String, List<Interaction>> byOccasion = new LinkedHashMap<>();
      for (Interaction i : candidates) {
        String key =
            i.key() + "|" + i.occasion() + "|" + i.time() + "|" + i.code() + "|" + i.weight();
        byOccasion.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
      List<Interaction> kept = new ArrayList<>();
      List<Resolution.Duplicate> duplicates = new ArrayList<>();
      Comparator<Interaction> preference =
          Comparator.comparingDouble(Interaction::mass)
              .reversed()
              .thenComparing(Comparator.comparingDouble(Interaction::reliability).reversed())
              .thenComparing(Interaction::factKey);
      for (List<Interaction> same : byOccasion.values()) {
        same.sort(preference);
        List<Interaction> keptHere = new ArrayList<>();
        List<Set<Direction>> absorbed = new ArrayList<>();
        for (Interaction candidate : same) {
          int original = -1;
          for (int i = 0; i < keptHere.size() && original < 0; i++) {
            if (keptHere.get(i).direction().reciprocalOf(candidate.direction())
                && !absorbed.get(i).contains(candidate.direction())) {
              original = i;
            }
          }
          if (original < 0) {
            keptHere.add(candidate);
            absorbed.add(java.util.EnumSet.noneOf(Direction.class));
          } else {
            absorbed.get(original).add(candidate.direction());
            duplicates.add(new Resolution.Duplicate(candidate, keptHere.get(original)));
          }
        }
        kept.addAll(keptHere);
      }
      kept.sort(CohesionCalculator.ORDER);
      duplicates.sort(Comparator.comparing(d -> d.left(), CohesionCalculator.ORDER));
      Set<String> used =
          kept.stream().map(Interaction::factKey).collect(Collectors.toCollection(HashSet::new));
      duplicates.forEach(d -> used.add(d.left().factKey())); // they share the kept record's credit
      facts.keySet().retainAll(used);
      return new Resolution(
          groupId,
          List.copyOf(kept),
          Map.copyOf(facts),
          schedule,
          List.copyOf(duplicates),
          otherScale,
          Set.copyOf(versions));
    }
  }

  private static String ordered(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }

  static LocalDate day(Instant time) {
    return time.atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static double clamp(double weight) {
    return Math.max(-10.0, Math.min(10.0, weight));
  }

  /** The strongest grade among the citations; a record citing nothing counts as alleged. */
  static AttributionGrade bestGrade(List<Citation> citations) {
    return citations.stream()
        .map(Citation::grade)
        .filter(g -> g != null)
        .min(Comparator.naturalOrder())
        .orElse(AttributionGrade.ALLEGED_UNCONFIRMED);
  }
}
