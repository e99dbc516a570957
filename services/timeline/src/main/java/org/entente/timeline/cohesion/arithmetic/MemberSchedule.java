package org.entente.timeline.cohesion.arithmetic;

import java.time.LocalDate;
import java.util.Collections;
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

  /**
   * Membership as recorded: a member on every day one of its periods covers. The member set of the
   * last day asked is kept: the calculator asks day after day, pair after pair, and scanning every
   * membership for each pair made the cohesion refresh quadratic in the group's size.
   */
  static MemberSchedule of(String groupId, List<MembershipFact> memberships) {
    List<MembershipFact> own =
        memberships.stream()
            .filter(m -> m.groupId().equals(groupId) && !m.memberId().equals(groupId))
            .toList();
    return new MemberSchedule() {
      /** The last day asked and its members (replaced whole, so a racing reader sees a pair). */
      private volatile DayMembers last;

      @Override
      public boolean isMember(String actorId, LocalDate day) {
        return membersOn(day).contains(actorId);
      }

      @Override
      public Set<String> membersOn(LocalDate day) {
        DayMembers known = last;
        if (known != null && known.day().equals(day)) {
          return known.members();
        }
        Set<String> members = new TreeSet<>();
        own.stream().filter(m -> m.covers(day)).forEach(m -> members.add(m.memberId()));
        Set<String> view = Collections.unmodifiableSet(members);
        last = new DayMembers(day, view);
        return view;
      }
    };
  }

  /** A day and who belonged to the group on it. */
  record DayMembers(LocalDate day, Set<String> members) {}

  /** A fixed member set, whatever was recorded (what-if); the group itself is never its member. */
  static MemberSchedule fixed(String groupId, Set<String> members) {
    Set<String> fixed = new TreeSet<>(members);
    fixed.remove(groupId);
    Set<String> view = Collections.unmodifiableSet(fixed);
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
