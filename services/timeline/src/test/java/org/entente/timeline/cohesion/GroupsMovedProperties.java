package org.entente.timeline.cohesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.entente.api.actor.ActorKind;
import org.entente.timeline.cohesion.arithmetic.GroupReach;
import org.entente.timeline.cohesion.arithmetic.MembershipFact;
import org.entente.timeline.cohesion.arithmetic.RoleFact;
import org.junit.jupiter.api.Test;

/**
 * The groups a batch marks, found backwards from the touched actors, are exactly those whose reach
 * ({@link GroupReach}, computed forwards for every group) holds a touched actor: for random actor
 * kinds, memberships (ad-hoc groups inside groups, cycles), roles and touched sets.
 */
class GroupsMovedProperties {

  private static final int ACTORS = 9;
  private static final LocalDate DAY = LocalDate.parse("2025-01-01");

  @Test
  void backwardsSearch_equalsEveryGroupsReach() {
    qt().withExamples(2000)
        .forAll(
            lists().of(integers().between(0, ActorKinds.COUNT - 1)).ofSize(ACTORS),
            lists().of(integers().between(0, ACTORS * ACTORS - 1)).ofSizeBetween(0, 14),
            lists().of(integers().between(0, ACTORS * ACTORS - 1)).ofSizeBetween(0, 6),
            lists().of(integers().between(0, ACTORS)).ofSizeBetween(0, 4))
        .checkAssert(
            (kindCodes, membershipCodes, roleCodes, touchedCodes) -> {
              Map<String, ActorKind> kinds = new HashMap<>();
              for (int i = 0; i < ACTORS; i++) {
                kinds.put(id(i), ActorKinds.of(kindCodes.get(i)));
              }
              List<MembershipFact> memberships =
                  membershipCodes.stream()
                      .map(c -> new MembershipFact(id(c % ACTORS), id(c / ACTORS), DAY, null))
                      .toList();
              List<RoleFact> roles =
                  roleCodes.stream()
                      .map(c -> new RoleFact(id(c % ACTORS), "envoy", id(c / ACTORS), DAY, null))
                      .toList();
              // id(ACTORS) is an actor the store does not know
              Set<String> touched = new TreeSet<>();
              touchedCodes.forEach(c -> touched.add(id(c)));

              Set<String> actual =
                  StoredCohesion.groupsMoved(
                      touched,
                      memberships,
                      roles,
                      ids -> {
                        Map<String, ActorKind> known = new HashMap<>();
                        ids.stream()
                            .filter(kinds::containsKey)
                            .forEach(id -> known.put(id, kinds.get(id)));
                        return known;
                      });

              Set<String> expected = new TreeSet<>();
              for (int i = 0; i < ACTORS; i++) {
                String group = id(i);
                if (kinds.get(group).hasMembers()
                    && !Collections.disjoint(
                        GroupReach.of(group, null, memberships, roles, kinds), touched)) {
                  expected.add(group);
                }
              }
              assertThat(actual).isEqualTo(expected);
            });
  }

  private static String id(int i) {
    return "a" + i;
  }

  private static final class ActorKinds {
    static final int COUNT = ActorKind.values().length;

    static ActorKind of(int code) {
      return ActorKind.values()[code];
    }
  }
}
