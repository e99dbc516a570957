package org.entente.timeline.cohesion.arithmetic;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Who belongs to the group on a given day. */
public interface MemberSchedule {

  boolean isMember(String actorId, LocalDate day);

  /** Everyone who belongs to the group on {@code day}. */
  Set<String> membersOn(LocalDate day);

  /**
   * How many pairs the group has on {@code day} in a channel: m(m−1)/2 member pairs, or one
   * member-institution pair per member. It depends on membership only, never on the evidence, which
   * is what keeps the pull toward 0 from turning a positive interaction into a lower value.
   */
  default int pairsOn(LocalDate day, Channel channel) {
    int m = membersOn(day).size();
    return channel == Channel.PAIR ? m * (m - 1) / 2 : m;
  }

  /** Membership as recorded: a member on every day one of its periods covers. */
  static MemberSchedule of(String groupId, List<MembershipFact> memberships) {
    List<MembershipFact> own =
        memberships.stream()
            .filter(m -> m.groupId().equals(groupId) && !m.memberId().equals(groupId))
            .toList();
    return new MemberSchedule() {
      @Override
      public boolean isMember(String actorId, LocalDate day) {
        return own.stream().anyMatch(m -> m.memberId().equals(actorId) && m.covers(day));
      }

      @Override
      public Set<String> membersOn(LocalDate day) {
        Set<String> members = new TreeSet<>();
        own.stream().filter(m -> m.covers(day)).forEach(m -> members.add(m.memberId()));
        return members;
      }
    };
  }

  /** A fixed member set, whatever was recorded (what-if); the group itself is never its member. */
  static MemberSchedule fixed(String groupId, Set<String> members) {
    Set<String> fixed = new TreeSet<>(members);
    fixed.remove(groupId);
    Set<String> view = java.util.Collections.unmodifiableSet(fixed);
    return new MemberSchedule() {
      @Override
      public boolean isMember(String actorId, LocalDate day) {
        return view.contains(actorId);
      }

      @Override
      public Set<String> membersOn(LocalDate day) {
        return view;
      }
    };
  }
}
