package org.entente.timeline.cohesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.Weight;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.Participant;
import org.entente.api.event.ParticipantPart;
import org.entente.api.statement.Stance;

/** Properties of the indicator over random histories of statements and events among members. */
class CohesionProperties {

  private static final List<String> STATES = List.of("a", "b", "c", "d", "e");
  private static final Instant DAY0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final List<Instant> TIMES =
      List.of(
          DAY0.plus(3, ChronoUnit.DAYS),
          DAY0.plus(10, ChronoUnit.DAYS),
          DAY0.plus(40, ChronoUnit.DAYS));

  /** A statement among the five states: few days and codes, so equal times and duplicates occur. */
  record Said(
      int speaker,
      int target,
      int day,
      double weight,
      AttributionGrade grade,
      int event,
      String code) {}

  /** A meeting of some of the states and maybe the institution. */
  record Met(int day, List<Integer> parties, boolean institution, AttributionGrade grade) {}

  @Provide
  Arbitrary<List<Said>> said() {
    return oneSaid().list().ofMaxSize(14);
  }

  @Provide
  Arbitrary<List<Met>> met() {
    return oneMet().list().ofMaxSize(4);
  }

  private static Arbitrary<Said> oneSaid() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 12),
            Arbitraries.oneOf(
                Arbitraries.doubles().between(-10, 10).ofScale(1), Arbitraries.just(Double.NaN)),
            Arbitraries.of(AttributionGrade.class),
            Arbitraries.integers().between(0, 2),
            Arbitraries.of("044", "111", "051"))
        .as(Said::new);
  }

  private static Arbitrary<Met> oneMet() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 12),
            Arbitraries.integers().between(0, 4).list().ofMinSize(1).ofMaxSize(4).uniqueElements(),
            Arbitraries.of(true, false),
            Arbitraries.of(AttributionGrade.class))
        .as(Met::new);
  }

  private static CohesionHistory history(List<Said> said, List<Met> met) {
    List<ActorFact> actors = new ArrayList<>();
    List<MembershipFact> memberships = new ArrayList<>();
    actors.add(new ActorFact(Facts.GROUP, ActorKind.ALLIANCE, "G"));
    for (String s : STATES) {
      actors.add(new ActorFact(s, ActorKind.STATE, s));
      // e joins late, so membership periods matter too
      memberships.add(
          new MembershipFact(
              s,
              Facts.GROUP,
              s.equals("e")
                  ? java.time.LocalDate.parse("2025-01-06")
                  : java.time.LocalDate.parse("2000-01-01"),
              null));
    }
    List<StatementFact> statements = new ArrayList<>();
    for (int i = 0; i < said.size(); i++) {
      Said x = said.get(i);
      String target = x.target() == 5 ? Facts.GROUP : STATES.get(x.target());
      statements.add(
          new StatementFact(
              "s" + i,
              STATES.get(x.speaker()),
              x.event() == 0 ? null : "m" + x.event(),
              List.of(target),
              EventTime.instant(DAY0.plus(x.day(), ChronoUnit.DAYS)),
              Stance.NEUTRAL,
              x.code(),
              Weight.goldstein(weightOf(x)),
              List.of(new Citation("src", null, x.grade()))));
    }
    List<EventFact> events = new ArrayList<>();
    for (int i = 0; i < met.size(); i++) {
      Met m = met.get(i);
      List<Participant> parts = new ArrayList<>();
      m.parties().forEach(p -> parts.add(new Participant(STATES.get(p), ParticipantPart.ATTENDEE)));
      if (m.institution()) {
        parts.add(new Participant(Facts.GROUP, ParticipantPart.HOST));
      }
      events.add(
          new EventFact(
              "m" + i,
              EventKind.MEETING,
              "meeting",
              EventTime.instant(DAY0.plus(m.day(), ChronoUnit.DAYS)),
              EventStatus.TOOK_PLACE,
              parts,
              List.of(new Citation("src", null, m.grade()))));
    }
    return new CohesionHistory(actors, memberships, List.of(), statements, events);
  }

  /** NaN stands for the codebook weight of the code, so reciprocal records share their weight. */
  private static double weightOf(Said x) {
    if (!Double.isNaN(x.weight())) {
      return x.weight();
    }
    return switch (x.code()) {
      case "044" -> 2.5;
      case "051" -> 3.4;
      default -> -2.0;
    };
  }

  private static List<CohesionPoint> series(
      CohesionHistory h, Channel channel, CohesionParameters p) {
    Resolution r = new InteractionResolver(h).resolve(Facts.GROUP, p);
    return new CohesionCalculator(p).series(r.interactions(), r.schedule(), channel, TIMES, true);
  }

  @Property(tries = 200)
  void theOrderOfRecords_doesNotChangeTheResult(
      @ForAll("said") List<Said> said, @ForAll("met") List<Met> met, @ForAll long seed) {
    CohesionHistory h = history(said, met);
    List<StatementFact> statements = new ArrayList<>(h.statements());
    List<EventFact> events = new ArrayList<>(h.events());
    Collections.shuffle(statements, new Random(seed));
    Collections.shuffle(events, new Random(seed + 1));
    CohesionHistory shuffled =
        new CohesionHistory(h.actors(), h.memberships(), h.roles(), statements, events);

    for (Channel channel : Channel.values()) {
      assertThat(series(shuffled, channel, CohesionParameters.defaults()))
          .isEqualTo(series(h, channel, CohesionParameters.defaults()));
    }
  }

  @Property(tries = 200)
  void theValue_staysInsideMinusOneToOne(
      @ForAll("said") List<Said> said,
      @ForAll("met") List<Met> met,
      @ForAll @DoubleRange(min = 0.01, max = 5) double k) {
    CohesionParameters p = CohesionParameters.defaults().withK(k);
    for (Channel channel : Channel.values()) {
      for (CohesionPoint point : series(history(said, met), channel, p)) {
        assertThat(point.value()).isGreaterThan(-1).isLessThan(1);
        assertThat(point.polarisation()).isBetween(0.0, 1.0);
        point.pairs().forEach(pair -> assertThat(pair.affinity()).isGreaterThan(-1).isLessThan(1));
      }
    }
  }

  @Property(tries = 200)
  void theRecurrence_equalsTheSumOfDecayedContributions(
      @ForAll("said") List<Said> said, @ForAll("met") List<Met> met) {
    CohesionParameters p = CohesionParameters.defaults();
    Resolution r = new InteractionResolver(history(said, met)).resolve(Facts.GROUP, p);
    CohesionCalculator calculator = new CohesionCalculator(p);
    List<CohesionPoint> points =
        calculator.series(r.interactions(), r.schedule(), Channel.PAIR, TIMES, false);
    for (int i = 0; i < TIMES.size(); i++) {
      Explanation e =
          calculator.explain(r.interactions(), r.schedule(), Channel.PAIR, TIMES.get(i));
      double sum = e.contributions().stream().mapToDouble(Contribution::contribution).sum();
      assertThat(e.value())
          .isCloseTo(points.get(i).value(), org.assertj.core.data.Offset.offset(1e-12));
      assertThat(sum).isCloseTo(points.get(i).value(), org.assertj.core.data.Offset.offset(1e-12));
      assertThat(e.polarisation()).isEqualTo(points.get(i).polarisation());
    }
  }

  private static CohesionHistory withStatement(
      CohesionHistory h,
      String speaker,
      String target,
      Instant when,
      double weight,
      AttributionGrade grade) {
    return withStatement(h, speaker, target, null, "051", when, weight, grade);
  }

  private static CohesionHistory withStatement(
      CohesionHistory h,
      String speaker,
      String target,
      String eventId,
      String code,
      Instant when,
      double weight,
      AttributionGrade grade) {
    List<StatementFact> more = new ArrayList<>(h.statements());
    more.add(
        new StatementFact(
            "added",
            speaker,
            eventId,
            List.of(target),
            EventTime.instant(when),
            Stance.NEUTRAL,
            code,
            Weight.goldstein(weight),
            List.of(new Citation("src", null, grade))));
    return new CohesionHistory(h.actors(), h.memberships(), h.roles(), more, h.events());
  }

  private static CohesionHistory withMeeting(CohesionHistory h, Met m, Instant when) {
    return withMeeting(h, "added", m, when);
  }

  private static CohesionHistory withMeeting(CohesionHistory h, String id, Met m, Instant when) {
    List<Participant> parts = new ArrayList<>();
    m.parties().forEach(p -> parts.add(new Participant(STATES.get(p), ParticipantPart.ATTENDEE)));
    if (m.institution()) {
      parts.add(new Participant(Facts.GROUP, ParticipantPart.HOST));
    }
    List<EventFact> more = new ArrayList<>(h.events());
    more.add(
        new EventFact(
            id,
            EventKind.MEETING,
            "meeting",
            EventTime.instant(when),
            EventStatus.TOOK_PLACE,
            parts,
            List.of(new Citation("src", null, m.grade()))));
    return new CohesionHistory(h.actors(), h.memberships(), h.roles(), h.statements(), more);
  }

  /** Before the 6th, e is no member yet: what involves e then counts nowhere. */
  private static boolean members(String a, String b, Instant when) {
    return !(a.equals("e") || b.equals("e"))
        || !when.isBefore(Instant.parse("2025-01-06T00:00:00Z"));
  }

  private static final double TOLERANCE = 1e-12;

  /**
   * The property of issue 4, literally: adding a positive interaction between members never lowers
   * cohesion, at any time, in either series; and it never raises polarisation. Where it counts
   * (later, both sides members), it strictly raises cohesion, since D − S ≥ 10 · k · N > 0.
   */
  @Property(tries = 400)
  void addingAPositiveInteractionBetweenMembers_neverLowersCohesion(
      @ForAll("said") List<Said> said,
      @ForAll("met") List<Met> met,
      @ForAll @IntRange(min = 0, max = 4) int speaker,
      @ForAll @IntRange(min = 0, max = 5) int target,
      @ForAll @IntRange(min = 0, max = 300) int hours,
      @ForAll @DoubleRange(min = 0.1, max = 10) double weight,
      @ForAll AttributionGrade grade) {
    CohesionHistory before = history(said, met);
    String a = STATES.get(speaker);
    String b = target == 5 ? Facts.GROUP : STATES.get(target);
    Instant when = DAY0.plus(hours, ChronoUnit.HOURS);
    CohesionHistory after = withStatement(before, a, b, when, weight, grade);
    CohesionParameters p = CohesionParameters.defaults();

    for (Channel channel : Channel.values()) {
      List<CohesionPoint> x = series(before, channel, p);
      List<CohesionPoint> y = series(after, channel, p);
      for (int i = 0; i < TIMES.size(); i++) {
        assertThat(y.get(i).value()).isGreaterThanOrEqualTo(x.get(i).value() - TOLERANCE);
        assertThat(y.get(i).polarisation())
            .isLessThanOrEqualTo(x.get(i).polarisation() + TOLERANCE);
      }
    }
    Channel channel = b.equals(Facts.GROUP) ? Channel.INSTITUTION : Channel.PAIR;
    if (!a.equals(b) && members(a, b, when)) {
      assertThat(series(after, channel, p).get(2).value())
          .isGreaterThan(series(before, channel, p).get(2).value());
    }
  }

  /** The same for a meeting, which shares one positive interaction over all its pairs. */
  @Property(tries = 200)
  void addingAMeetingOfMembers_neverLowersCohesion(
      @ForAll("said") List<Said> said,
      @ForAll("met") List<Met> met,
      @ForAll("meeting") Met added,
      @ForAll @IntRange(min = 0, max = 300) int hours) {
    CohesionHistory before = history(said, met);
    CohesionHistory after = withMeeting(before, added, DAY0.plus(hours, ChronoUnit.HOURS));
    CohesionParameters p = CohesionParameters.defaults();

    for (Channel channel : Channel.values()) {
      List<CohesionPoint> x = series(before, channel, p);
      List<CohesionPoint> y = series(after, channel, p);
      for (int i = 0; i < TIMES.size(); i++) {
        assertThat(y.get(i).value()).isGreaterThanOrEqualTo(x.get(i).value() - TOLERANCE);
        assertThat(y.get(i).polarisation())
            .isLessThanOrEqualTo(x.get(i).polarisation() + TOLERANCE);
      }
    }
  }

  /**
   * The same when the added record is another record of an occasion already recorded (the reply to
   * a praise made at a meeting, or the meeting itself): reciprocal duplicates are merged, and the
   * merge never takes away more than the added record brings.
   */
  @Property(tries = 300)
  void addingARecordOfAnOccasionAlreadyRecorded_neverLowersCohesion(
      @ForAll("said") List<Said> said,
      @ForAll("met") List<Met> met,
      @ForAll @IntRange(min = 0, max = 13) int answered,
      @ForAll @IntRange(min = 0, max = 2) int dayShift,
      @ForAll AttributionGrade grade,
      @ForAll("meeting") Met meeting) {
    CohesionHistory before = history(said, met);
    CohesionHistory reply;
    if (said.isEmpty()) {
      reply = withStatement(before, "a", "b", "m1", "044", DAY0, 2.5, grade);
    } else {
      Said x = said.get(answered % said.size());
      boolean positive = weightOf(x) > 0 && x.target() != 5;
      reply =
          withStatement(
              before,
              positive ? STATES.get(x.target()) : "a",
              positive ? STATES.get(x.speaker()) : "b",
              positive && x.event() != 0 ? "m" + x.event() : "m1",
              positive ? x.code() : "044",
              DAY0.plus(positive ? x.day() + dayShift : dayShift, ChronoUnit.DAYS),
              positive ? weightOf(x) : 2.5,
              grade);
    }
    String freeOccasion = met.size() < 2 ? "m1" : met.size() < 3 ? "m2" : "added";
    CohesionHistory meetingAdded =
        withMeeting(before, freeOccasion, meeting, DAY0.plus(dayShift, ChronoUnit.DAYS));
    CohesionParameters p = CohesionParameters.defaults();

    for (Channel channel : Channel.values()) {
      List<CohesionPoint> x = series(before, channel, p);
      for (CohesionHistory after : List.of(reply, meetingAdded)) {
        List<CohesionPoint> y = series(after, channel, p);
        for (int i = 0; i < TIMES.size(); i++) {
          assertThat(y.get(i).value()).isGreaterThanOrEqualTo(x.get(i).value() - TOLERANCE);
        }
      }
    }
  }

  @Provide
  Arbitrary<Met> meeting() {
    return oneMet();
  }

  /**
   * The mirror image: a negative interaction never raises cohesion; a neutral one never moves it.
   */
  @Property(tries = 200)
  void aNegativeInteraction_neverRaisesCohesion_andANeutralOneLeavesIt(
      @ForAll("said") List<Said> said,
      @ForAll("met") List<Met> met,
      @ForAll @IntRange(min = 0, max = 4) int speaker,
      @ForAll @IntRange(min = 0, max = 5) int target,
      @ForAll @IntRange(min = 0, max = 300) int hours,
      @ForAll @DoubleRange(min = -10, max = -0.1) double weight,
      @ForAll AttributionGrade grade) {
    CohesionHistory before = history(said, met);
    String a = STATES.get(speaker);
    String b = target == 5 ? Facts.GROUP : STATES.get(target);
    Instant when = DAY0.plus(hours, ChronoUnit.HOURS);
    CohesionHistory negative = withStatement(before, a, b, when, weight, grade);
    CohesionHistory neutral = withStatement(before, a, b, when, 0.0, grade);
    CohesionParameters p = CohesionParameters.defaults();

    for (Channel channel : Channel.values()) {
      List<CohesionPoint> x = series(before, channel, p);
      List<CohesionPoint> y = series(negative, channel, p);
      List<CohesionPoint> z = series(neutral, channel, p);
      for (int i = 0; i < TIMES.size(); i++) {
        assertThat(y.get(i).value()).isLessThanOrEqualTo(x.get(i).value() + TOLERANCE);
        assertThat(z.get(i).value()).isCloseTo(x.get(i).value(), within(TOLERANCE));
        assertThat(z.get(i).coverage()).isGreaterThanOrEqualTo(x.get(i).coverage());
      }
    }
  }
}
