package org.entente.timeline.cohesion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.entente.api.actor.ActorKind;
import org.entente.timeline.cohesion.arithmetic.Channel;
import org.entente.timeline.cohesion.arithmetic.CohesionCalculator;
import org.entente.timeline.cohesion.arithmetic.CohesionHistory;
import org.entente.timeline.cohesion.arithmetic.CohesionParameters;
import org.entente.timeline.cohesion.arithmetic.DayState;
import org.entente.timeline.cohesion.arithmetic.GroupReach;
import org.entente.timeline.cohesion.arithmetic.InteractionResolver;
import org.entente.timeline.cohesion.arithmetic.MembershipFact;
import org.entente.timeline.cohesion.arithmetic.Resolution;
import org.entente.timeline.cohesion.arithmetic.RoleFact;
import org.entente.timeline.cohesion.arithmetic.StatementFact;
import org.entente.timeline.facts.CohesionStore;
import org.entente.timeline.facts.FactBatch;
import org.entente.timeline.facts.FactBatchListener;
import org.entente.timeline.facts.FactRecords;
import org.entente.timeline.facts.FactSnapshot;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored cohesion (default parameters) of every group a fact-store batch can have moved.
 * In the batch's transaction, each group whose reach ({@link GroupReach}) holds an actor the batch
 * named is only marked dirty: recomputing a large group costs what a series request did before, far
 * too much for every batch. {@link CohesionRefresher} later recomputes each marked group once from
 * its facts, by the reference calculation, into its states at the end of each change day; until
 * then a series of that group is computed from its facts, so no answer is ever stale.
 */
@Component
public class StoredCohesion implements FactBatchListener {

  private static final CohesionParameters DEFAULTS = CohesionParameters.defaults();

  /** The pseudo-channel of the stored evidence counts. */
  static final String EVIDENCE = "EVIDENCE";

  @Override
  public void written(FactBatch batch) {
    batch.cohesion().markDirty(groupsMoved(batch.facts(), batch.touchedActors()));
  }

  @Override
  public void refresh(FactSnapshot facts, CohesionStore store, CohesionStore.Dirty dirty) {
    store(facts, dirty.groupId(), GroupFacts.memberships(facts), GroupFacts.roles(facts), store);
    store.clean(dirty);
  }

  /**
   * The groups whose reach ({@link GroupReach}) meets {@code touched}, found backwards from the
   * touched actors (what reaches them, then the groups seeded by that) in time linear in the
   * memberships and roles, instead of computing every group's reach for each batch.
   */
  static Set<String> groupsMoved(FactSnapshot facts, Set<String> touched) {
    if (touched.isEmpty()) {
      return new TreeSet<>();
    }
    return groupsMoved(
        touched,
        GroupFacts.memberships(facts),
        GroupFacts.roles(facts),
        ids -> {
          Map<String, ActorKind> kinds = new HashMap<>();
          facts.actors(ids).forEach(a -> kinds.put(a.actorId(), a.kind()));
          return kinds;
        });
  }

  /**
   * As {@link #groupsMoved(FactSnapshot, Set)}, with the actors' kinds looked up by {@code
   * kindsOf}.
   */
  static Set<String> groupsMoved(
      Set<String> touched,
      List<MembershipFact> memberships,
      List<RoleFact> roles,
      java.util.function.Function<Set<String>, Map<String, ActorKind>> kindsOf) {
    Set<String> moved = new TreeSet<>();
    if (touched.isEmpty()) {
      return moved;
    }
    Map<String, List<String>> groupsOf = new HashMap<>();
    Map<String, List<String>> membersOf = new HashMap<>();
    for (MembershipFact m : memberships) {
      groupsOf.computeIfAbsent(m.memberId(), k -> new ArrayList<>()).add(m.groupId());
      membersOf.computeIfAbsent(m.groupId(), k -> new ArrayList<>()).add(m.memberId());
    }
    Map<String, List<String>> rolesAt = new HashMap<>();
    roles.forEach(
        r -> rolesAt.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(r.atActorId()));
    Map<String, ActorKind> kinds = new HashMap<>(kindsOf.apply(membersOf.keySet()));
    // every actor whose presence in a reach puts a touched actor in it: a role holder's place of
    // office, an ad-hoc group's members (GroupReach's closure rules, read backwards)
    Set<String> reaching = new HashSet<>(touched);
    java.util.ArrayDeque<String> work = new java.util.ArrayDeque<>(touched);
    while (!work.isEmpty()) {
      String x = work.poll();
      for (String at : rolesAt.getOrDefault(x, List.of())) {
        if (reaching.add(at)) {
          work.add(at);
        }
      }
      if (kinds.get(x) == ActorKind.GROUP) {
        for (String member : membersOf.getOrDefault(x, List.of())) {
          if (reaching.add(member)) {
            work.add(member);
          }
        }
      }
    }
    // a group's reach is seeded by the group and its members
    Set<String> candidates = new TreeSet<>(reaching);
    reaching.forEach(x -> candidates.addAll(groupsOf.getOrDefault(x, List.of())));
    Set<String> unknown = new TreeSet<>(candidates);
    unknown.removeAll(kinds.keySet());
    if (!unknown.isEmpty()) {
      kinds.putAll(kindsOf.apply(unknown));
    }
    for (String group : candidates) {
      ActorKind kind = kinds.get(group);
      if (kind != null && kind.hasMembers()) {
        moved.add(group);
      }
    }
    return moved;
  }

  private static void store(
      FactSnapshot facts,
      String group,
      List<MembershipFact> memberships,
      List<RoleFact> roles,
      CohesionStore store) {
    CohesionHistory history =
        GroupFacts.load(facts, group, null, null, DEFAULTS.scale(), memberships, roles);
    Resolution resolution = new InteractionResolver(history).resolve(group, DEFAULTS);
    CohesionCalculator calculator = new CohesionCalculator(DEFAULTS);
    List<LocalDate> changes = memberChanges(group, memberships);
    List<FactRecords.CohesionState> states = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      for (DayState s :
          calculator.states(resolution.interactions(), resolution.schedule(), channel, changes)) {
        states.add(
            new FactRecords.CohesionState(
                channel.name(),
                s.day(),
                s.sumS(),
                s.sumA(),
                s.sumW(),
                s.observed(),
                s.negative(),
                s.memberPairs()));
      }
    }
    states.addAll(evidence(history, resolution));
    var all = resolution.interactions();
    store.replace(
        group,
        states,
        new FactRecords.CohesionSummary(
            all.size(),
            resolution.duplicates().size(),
            resolution.otherScale(),
            all.isEmpty() ? null : all.get(0).time(),
            all.isEmpty() ? null : all.get(all.size() - 1).time(),
            List.copyOf(new TreeSet<>(resolution.scaleVersions()))));
  }

  /**
   * The series' evidence counted up to the end of each day it grows on (channel {@link #EVIDENCE}:
   * interactions in {@code observed}, reciprocal duplicates in {@code negative}, records on another
   * scale in {@code memberPairs}), for a series that ends before the last record.
   */
  private static List<FactRecords.CohesionState> evidence(
      CohesionHistory history, Resolution resolution) {
    Map<LocalDate, int[]> perDay = new TreeMap<>();
    resolution
        .interactions()
        .forEach(x -> perDay.computeIfAbsent(day(x.time()), d -> new int[3])[0]++);
    resolution
        .duplicates()
        .forEach(d -> perDay.computeIfAbsent(day(d.left().time()), k -> new int[3])[1]++);
    for (StatementFact st : history.statements()) {
      // as InteractionResolver counts them (default scale: events are never on another scale)
      if (st.saidAt() != null
          && st.weight() != null
          && st.speakerId() != null
          && !DEFAULTS.scale().codes(st.weight())) {
        perDay.computeIfAbsent(day(st.saidAt().at()), k -> new int[3])[2]++;
      }
    }
    List<FactRecords.CohesionState> rows = new ArrayList<>();
    int[] sum = new int[3];
    perDay.forEach(
        (day, n) -> {
          for (int i = 0; i < 3; i++) {
            sum[i] += n[i];
          }
          rows.add(new FactRecords.CohesionState(EVIDENCE, day, 0, 0, 0, sum[0], sum[1], sum[2]));
        });
    return rows;
  }

  private static LocalDate day(java.time.Instant t) {
    return t.atZone(java.time.ZoneOffset.UTC).toLocalDate();
  }

  /** The days the group's member set can change: each membership's first day and day after. */
  static List<LocalDate> memberChanges(String group, List<MembershipFact> memberships) {
    Set<LocalDate> days = new TreeSet<>();
    for (MembershipFact m : memberships) {
      if (m.groupId().equals(group) && !m.memberId().equals(group)) {
        days.add(m.from());
        if (m.to() != null) {
          days.add(m.to().plusDays(1));
        }
      }
    }
    return List.copyOf(days);
  }
}
