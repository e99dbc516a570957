package org.entente.timeline.cohesion.arithmetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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

  private static Gen<List<Said>> said() {
    return lists().of(oneSaid()).ofSizeBetween(0, 14);
  }

  /**
   * Histories where some statements are answered in kind (same day, occasion, code and weight, the
   * other way, another grade): reciprocal records, of which the resolver keeps one whatever their
   * order. Plain random histories rarely contain them.
   */
  private static Gen<List<Said>> saidWithReplies() {
    Gen<List<Pair<Integer, AttributionGrade>>> replies =
        lists()
            .of(Generate.range(0, 13).zip(Generate.enumValues(AttributionGrade.class), Pair::of))
            .ofSizeBetween(0, 4);
    return said()
        .zip(
            replies,
            (said, answers) -> {
              List<Said> all = new ArrayList<>(said);
              for (Pair<Integer, AttributionGrade> answer : answers) {
                Said x = said.isEmpty() ? null : said.get(answer._1 % said.size());
                if (x != null && x.target() != 5) {
                  all.add(
                      new Said(
                          x.target(),
                          x.speaker(),
                          x.day(),
                          x.weight(),
                          answer._2,
                          x.event(),
                          x.code()));
                }
              }
              return all;
            });
  }

  private static Gen<List<Met>> met() {
    return lists().of(oneMet()).ofSizeBetween(0, 4);
  }

  /** Weights with one decimal in [-10, 10], or NaN for the codebook weight. */
  private static Gen<Double> weights() {
    return Generate.oneOf(
        Generate.range(-100, 100).map(tenths -> tenths / 10.0), Generate.constant(Double.NaN));
  }

  private static Gen<Said> oneSaid() {
    Gen<Integer> speaker = Generate.range(0, 4);
    Gen<Integer> target = Generate.range(0, 5);
    Gen<Integer> day = Generate.range(0, 12);
    Gen<Double> weight = weights();
    Gen<AttributionGrade> grade = Generate.enumValues(AttributionGrade.class);
    Gen<Integer> event = Generate.range(0, 2);
    Gen<String> code = Generate.pick(List.of("044", "111", "051"));
    return in ->
        new Said(
            speaker.generate(in),
            target.generate(in),
            day.generate(in),
            weight.generate(in),
            grade.generate(in),
            event.generate(in),
            code.generate(in));
  }

  /** One to four distinct parties: duplicates drawn are dropped, keeping the first one. */
  private static Gen<Met> oneMet() {
    return Generate.range(0, 12)
        .zip(
            lists()
                .of(Generate.range(0, 4))
                .ofSizeBetween(1, 4)
                .map(parties -> parties.stream().distinct().toList()),
            Generate.booleans(),
            Generate.enumValues(AttributionGrade.class),
            Met::new);
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

  @Test
  void theOrderOfRecords_doesNotChangeTheResult() {
    qt().withExamples(200)
        .forAll(saidWithReplies(), met(), longs().all())
        .checkAssert(CohesionProperties::theOrderOfRecords_doesNotChangeTheResult);
  }

  private static void theOrderOfRecords_doesNotChangeTheResult(
      List<Said> said, List<Met> met, long seed) {
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

  @Test
  void theValue_staysInsideMinusOneToOne() {
    qt().withExamples(200)
        .forAll(said(), met(), Generate.range(1, 500).map(hundredths -> hundredths / 100.0))
        .checkAssert(CohesionProperties::theValue_staysInsideMinusOneToOne);
  }

  private static void theValue_staysInsideMinusOneToOne(List<Said> said, List<Met> met, double k) {
    CohesionParameters p = CohesionParameters.defaults().withK(k);
    for (Channel channel : Channel.values()) {
      for (CohesionPoint point : series(history(said, met), channel, p)) {
        assertThat(point.value()).isGreaterThan(-1).isLessThan(1);
        assertThat(point.polarisation()).isBetween(0.0, 1.0);
        point.pairs().forEach(pair -> assertThat(pair.affinity()).isGreaterThan(-1).isLessThan(1));
      }
    }
  }

  @Test
  void theRecurrence_equalsTheSumOfDecayedContributions() {
    qt().withExamples(200)
        .forAll(said(), met())
        .checkAssert(CohesionProperties::theRecurrence_equalsTheSumOfDecayedContributions);
  }

  private static void theRecurrence_equalsTheSumOfDecayedContributions(
      List<Said> said, List<Met> met) {
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
  @Test
  void addingAPositiveInteractionBetweenMembers_neverLowersCohesion() {
    qt().withExamples(400)
        .forAll(said(), met(), added(0.1, 10))
        .checkAssert(
            CohesionProperties::addingAPositiveInteractionBetweenMembers_neverLowersCohesion);
  }

  /** A statement added to a history: who to whom, how many hours after day 0, how strong. */
  record Added(int speaker, int target, int hours, double weight, AttributionGrade grade) {}

  private static Gen<Added> added(double minWeight, double maxWeight) {
    Gen<Integer> speaker = Generate.range(0, 4);
    Gen<Integer> target = Generate.range(0, 5);
    Gen<Integer> hours = Generate.range(0, 300);
    Gen<Double> weight = doubles().between(minWeight, maxWeight);
    Gen<AttributionGrade> grade = Generate.enumValues(AttributionGrade.class);
    return in ->
        new Added(
            speaker.generate(in),
            target.generate(in),
            hours.generate(in),
            weight.generate(in),
            grade.generate(in));
  }

  private static void addingAPositiveInteractionBetweenMembers_neverLowersCohesion(
      List<Said> said, List<Met> met, Added added) {
    int speaker = added.speaker();
    int target = added.target();
    int hours = added.hours();
    double weight = added.weight();
    AttributionGrade grade = added.grade();
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
  @Test
  void addingAMeetingOfMembers_neverLowersCohesion() {
    qt().withExamples(200)
        .forAll(said(), met(), oneMet(), Generate.range(0, 300))
        .checkAssert(CohesionProperties::addingAMeetingOfMembers_neverLowersCohesion);
  }

  private static void addingAMeetingOfMembers_neverLowersCohesion(
      List<Said> said, List<Met> met, Met added, int hours) {
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
  @Test
  void addingARecordOfAnOccasionAlreadyRecorded_neverLowersCohesion() {
    Gen<Integer> answered = Generate.range(0, 13);
    Gen<Integer> dayShift = Generate.range(0, 2);
    Gen<AttributionGrade> grade = Generate.enumValues(AttributionGrade.class);
    Gen<Met> meeting = oneMet();
    Gen<Occasion> occasions =
        in ->
            new Occasion(
                answered.generate(in),
                dayShift.generate(in),
                grade.generate(in),
                meeting.generate(in));
    qt().withExamples(300)
        .forAll(said(), met(), occasions)
        .checkAssert(
            CohesionProperties::addingARecordOfAnOccasionAlreadyRecorded_neverLowersCohesion);
  }

  /** Which statement is answered, how many days later, and a meeting added on that day. */
  record Occasion(int answered, int dayShift, AttributionGrade grade, Met meeting) {}

  private static void addingARecordOfAnOccasionAlreadyRecorded_neverLowersCohesion(
      List<Said> said, List<Met> met, Occasion occasion) {
    int answered = occasion.answered();
    int dayShift = occasion.dayShift();
    AttributionGrade grade = occasion.grade();
    Met meeting = occasion.meeting();
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

  /**
   * The mirror image: a negative interaction never raises cohesion; a neutral one never moves it.
   */
  @Test
  void aNegativeInteraction_neverRaisesCohesion_andANeutralOneLeavesIt() {
    qt().withExamples(200)
        .forAll(said(), met(), added(-10, -0.1))
        .checkAssert(
            CohesionProperties::aNegativeInteraction_neverRaisesCohesion_andANeutralOneLeavesIt);
  }

  private static void aNegativeInteraction_neverRaisesCohesion_andANeutralOneLeavesIt(
      List<Said> said, List<Met> met, Added added) {
    int speaker = added.speaker();
    int target = added.target();
    int hours = added.hours();
    double weight = added.weight();
    AttributionGrade grade = added.grade();
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
