package org.entente.timeline.cohesion.arithmetic;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.entente.api.actor.ActorKind;

/**
 * The actors whose records can move a group's indicator: the group itself, its members (as recorded
 * at any time, or the what-if member set), and, closed under the resolver's rules, every actor
 * holding a role at one of them and every ad-hoc group (kind GROUP) with one of them as a member. A
 * record naming none of these resolves to no interaction of the group (see {@link
 * InteractionResolver}), so loading only the records naming one of them gives the same values as
 * loading the whole store.
 */
public final class GroupReach {

  private GroupReach() {}

  public static Set<String> of(
      String groupId,
      Set<String> fixedMembers,
      Collection<MembershipFact> memberships,
      Collection<RoleFact> roles,
      Map<String, ActorKind> kinds) {
    Set<String> reach = new TreeSet<>();
    reach.add(groupId);
    if (fixedMembers != null) {
      reach.addAll(fixedMembers);
    } else {
      memberships.stream()
          .filter(m -> m.groupId().equals(groupId))
          .forEach(m -> reach.add(m.memberId()));
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (RoleFact r : roles) {
        if (reach.contains(r.atActorId())) {
          grew |= reach.add(r.personId());
        }
      }
      for (MembershipFact m : memberships) {
        if (kinds.get(m.groupId()) == ActorKind.GROUP && reach.contains(m.memberId())) {
          grew |= reach.add(m.groupId());
        }
      }
    }
    return reach;
  }
}
