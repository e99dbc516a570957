package org.entente.timeline.cohesion;

import static org.assertj.core.api.Assertions.assertThat;

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
            Arbitraries.doubles().between(-10, 10).ofScale(1),
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
              Weight.goldstein(x.weight()),
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

  /**
   * Adding a positive interaction between members never lowers the net affinity, never raises
   * polarisation, and never lowers cohesion below the lesser of its level before and the new
   * evidence's own level m·g / (10·(m + k·δ)) (δ = 1 when it opens a new pair). So it never lowers
   * a cohesion that was not positive; above that, cohesion is an average and a lukewarm positive
   * interaction may dilute a warmer one (docs/cohesion.md, "Monotonicity").
   */
  @Property(tries = 300)
  void aPositiveInteraction_neverLowersCohesionBelowTheLesserOfItsLevelAndItsOwn(
      @ForAll("said") List<Said> said,
      @ForAll("met") List<Met> met,
      @ForAll @IntRange(min = 0, max = 4) int speaker,
      @ForAll @IntRange(min = 0, max = 3) int other,
      @ForAll @DoubleRange(min = 0.1, max = 10) double weight,
      @ForAll AttributionGrade grade) {
    int target = other >= speaker ? other + 1 : other;
    CohesionParameters p = CohesionParameters.defaults();
    CohesionHistory before = history(said, met);
    Instant t = TIMES.get(1);
    Instant when = t.minus(2, ChronoUnit.HOURS);
    String a = STATES.get(speaker);
    String b = STATES.get(target);
    List<StatementFact> more = new ArrayList<>(before.statements());
    more.add(
        new StatementFact(
            "added",
            a,
            null,
            List.of(b),
            EventTime.instant(when),
            Stance.PRAISE,
            "051",
            Weight.goldstein(weight),
            List.of(new Citation("src", null, grade))));
    CohesionHistory after =
        new CohesionHistory(
            before.actors(), before.memberships(), before.roles(), more, before.events());

    CohesionPoint x = series(before, Channel.PAIR, p).get(1);
    CohesionPoint y = series(after, Channel.PAIR, p).get(1);

    boolean counted =
        !(a.equals("e") || b.equals("e")) || when.isAfter(Instant.parse("2025-01-06T00:00:00Z"));
    if (!counted) {
      assertThat(y).isEqualTo(x);
      return;
    }
    String key = a.compareTo(b) < 0 ? a + b : b + a;
    boolean newPair = x.pairs().stream().noneMatch(q -> (q.a() + q.b()).equals(key));
    double m = p.reliabilityOf(grade) * Math.exp(-p.lambdaPerSecond() * 7200);
    double own = m * weight / (10 * (m + (newPair ? p.k() : 0)));
    double sumBefore = x.value() * 10 * (x.coverage() + p.k() * x.observed());
    double sumAfter = y.value() * 10 * (y.coverage() + p.k() * y.observed());
    double tolerance = 1e-12;

    assertThat(sumAfter).isGreaterThanOrEqualTo(sumBefore - 1e-9);
    assertThat(y.polarisation()).isLessThanOrEqualTo(x.polarisation() + tolerance);
    assertThat(y.value()).isGreaterThanOrEqualTo(Math.min(x.value(), own) - tolerance);
    if (x.value() <= 0) {
      assertThat(y.value()).isGreaterThanOrEqualTo(x.value() - tolerance);
    }
  }
}
