package org.entente.timeline.cohesion;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Who belongs to the group on a given day. */
@FunctionalInterface
public interface MemberSchedule {

  boolean isMember(String actorId, LocalDate day);

  /** Membership as recorded: a member on every day one of its periods covers. */
  static MemberSchedule of(String groupId, List<MembershipFact> memberships) {
    List<MembershipFact> own =
        memberships.stream().filter(m -> m.groupId().equals(groupId)).toList();
    return (actorId, day) ->
        own.stream().anyMatch(m -> m.memberId().equals(actorId) && m.covers(day));
  }

  /** A fixed member set, whatever was recorded (what-if). */
  static MemberSchedule fixed(Set<String> members) {
    return (actorId, day) -> members.contains(actorId);
  }
}
