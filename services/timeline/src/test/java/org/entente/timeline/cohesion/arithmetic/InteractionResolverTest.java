package org.entente.timeline.cohesion.arithmetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.entente.api.common.AttributionGrade.ANONYMOUS_DESCRIBED;
import static org.entente.api.common.AttributionGrade.DIRECT_QUOTE;
import static org.entente.api.common.AttributionGrade.NAMED_PARAPHRASE;
import static org.entente.timeline.cohesion.arithmetic.Facts.GROUP;
import static org.entente.timeline.cohesion.arithmetic.Facts.history;

import java.util.List;
import java.util.Set;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.Weight;
import org.entente.api.event.EventKind;
import org.entente.api.event.Participant;
import org.entente.api.event.ParticipantPart;
import org.junit.jupiter.api.Test;

/** Who counts for whom: membership periods, roles, groups, the institution and reciprocity. */
class InteractionResolverTest {

  private static List<String> pairs(Resolution r, Channel channel) {
    return r.interactions().stream()
        .filter(i -> i.channel() == channel)
        .map(i -> i.a() + "-" + i.b())
        .toList();
  }

  @Test
  void personSpeaksForTheStateTheyHoldARoleAt_onThatDay() {
    Facts f =
        history()
            .members("us", "de")
            .role("hegseth", "us", "2025-01-25", null)
            .says("before-office", "hegseth", "de", "2025-01-20", -2.0, DIRECT_QUOTE)
            .says("in-office", "hegseth", "de", "2025-02-12", -2.0, DIRECT_QUOTE);

    Resolution r = f.resolve();

    assertThat(r.interactions()).hasSize(1);
    assertThat(r.interactions().get(0).factId()).isEqualTo("in-office");
    assertThat(pairs(r, Channel.PAIR)).containsExactly("de-us");
  }

  @Test
  void targetedPersons_resolveToTheirStatesToo() {
    Facts f =
        history()
            .members("us", "de")
            .role("hegseth", "us", "2025-01-25", null)
            .role("pistorius", "de", "2023-01-19", "2025-05-05")
            .says("s", "pistorius", "hegseth", "2025-02-13", -2.0, NAMED_PARAPHRASE)
            .says("after-office", "pistorius", "hegseth", "2025-06-01", -2.0, NAMED_PARAPHRASE);

    assertThat(pairs(f.resolve(), Channel.PAIR)).containsExactly("de-us");
  }

  @Test
  void membershipPeriods_areRespected_atTheInteractionAndAtTheEvaluation() {
    Facts f =
        history()
            .members("us")
            .actor("se", ActorKind.STATE)
            .member("se", GROUP, "2024-03-07", "2025-12-31")
            .says("before-joining", "se", "us", "2024-01-10", 5.0, DIRECT_QUOTE)
            .says("member", "se", "us", "2024-06-01", 3.0, DIRECT_QUOTE);

    Resolution r = f.resolve();
    assertThat(r.interactions()).extracting(Interaction::factId).containsExactly("member");
    assertThat(f.value("2024-06-02")).isGreaterThan(0);
    // the day after the membership ended the pair is no longer part of the group
    assertThat(f.value("2026-01-02")).isZero();
    assertThat(f.value("2025-12-31")).isGreaterThan(0);
  }

  @Test
  void nonMembers_doNotCount() {
    Facts f =
        history()
            .members("us", "de")
            .actor("ua", ActorKind.STATE)
            .actor("eu", ActorKind.ORGANISATION)
            .role("kallas", "eu", "2024-12-01", null)
            .says("ua", "ua", "us", "2025-02-13", -2.0, DIRECT_QUOTE)
            .says("kallas", "kallas", "us", "2025-02-13", -2.0, DIRECT_QUOTE);

    assertThat(f.resolve().interactions()).isEmpty();
  }

  @Test
  void aGroupSpeaks_forEachOfItsMembers_andIsTargetedAsEachOfThem() {
    Facts f =
        history()
            .members("us", "de", "fr", "ca")
            .actor("allies", ActorKind.GROUP)
            .member("de", "allies", "2000-01-01", null)
            .member("fr", "allies", "2000-01-01", null)
            .member("ca", "allies", "2000-01-01", null)
            .says("criticism", "allies", "us", "2025-02-13", -2.0, ANONYMOUS_DESCRIBED)
            .says(
                "demand",
                "us",
                List.of("allies"),
                null,
                "2025-02-13",
                "1042",
                Weight.goldstein(-5.0),
                NAMED_PARAPHRASE);

    Resolution r = f.resolve();

    assertThat(r.interactions().stream().filter(i -> i.factId().equals("criticism")))
        .extracting(i -> i.a() + "-" + i.b())
        .containsExactly("ca-us", "de-us", "fr-us");
    assertThat(r.interactions().stream().filter(i -> i.factId().equals("demand"))).hasSize(3);
    assertThat(r.interactions()).allMatch(i -> i.share() == 1.0);
  }

  @Test
  void statementsToTheGroupItself_goToTheInstitutionSeries() {
    Facts f =
        history()
            .members("us", "de")
            .role("rutte", GROUP, "2024-10-01", null)
            .role("hegseth", "us", "2025-01-25", null)
            .says("proud", "hegseth", GROUP, "2025-02-13", 4.0, NAMED_PARAPHRASE)
            .says("tone", "rutte", "hegseth", "2025-02-12", -2.0, NAMED_PARAPHRASE);

    Resolution r = f.resolve();

    assertThat(pairs(r, Channel.PAIR)).isEmpty();
    assertThat(r.interactions())
        .extracting(i -> i.factId() + ":" + i.a() + "-" + i.b() + ":" + i.direction())
        .containsExactly("tone:us-alliance:B_TO_A", "proud:us-alliance:A_TO_B");
    assertThat(f.value("2025-03-01")).isZero();
    assertThat(f.point("2025-03-01", CohesionParameters.defaults(), Channel.INSTITUTION).observed())
        .isEqualTo(1);
  }

  @Test
  void reciprocalRecordsOfOneOccasion_countOnce_keepingTheBetterAttestedOne() {
    Weight meet = Weight.goldstein(2.5);
    Facts f =
        history()
            .members("nl", "de")
            .says(
                "nl-meets-de",
                "nl",
                List.of("de"),
                "m1",
                "2025-02-13",
                "044",
                meet,
                NAMED_PARAPHRASE)
            .says(
                "de-meets-nl", "de", List.of("nl"), "m1", "2025-02-13", "044", meet, DIRECT_QUOTE);

    Resolution r = f.resolve();

    assertThat(r.interactions()).extracting(Interaction::factId).containsExactly("de-meets-nl");
    assertThat(r.duplicates()).hasSize(1);
    assertThat(r.duplicates().get(0).left().factId()).isEqualTo("nl-meets-de");
    assertThat(f.value("2025-02-14"))
        .isCloseTo(
            2.5 * Math.pow(2, -1.0 / 30) / (2.5 * Math.pow(2, -1.0 / 30) + 10 * 0.1),
            within(1e-12));
  }

  @Test
  void aStatementRecordingTheEventItself_isTheEventsReciprocalDuplicate() {
    Facts f =
        history()
            .members("nl", "de")
            .event(
                "m1",
                EventKind.MEETING,
                "2025-02-13",
                new Participant("nl", ParticipantPart.ATTENDEE),
                new Participant("de", ParticipantPart.ATTENDEE))
            .says(
                "nl-met-de",
                "nl",
                List.of("de"),
                "m1",
                "2025-02-13",
                "044",
                Weight.goldstein(2.5),
                NAMED_PARAPHRASE);

    Resolution r = f.resolve();

    assertThat(r.interactions()).extracting(Interaction::factId).containsExactly("m1");
    assertThat(r.duplicates()).extracting(d -> d.left().factId()).containsExactly("nl-met-de");
  }

  /**
   * Two praises one way and one the other way at one occasion are two interactions, not one: a
   * record is the reciprocal duplicate of at most one record pointing the other way. Otherwise the
   * one better-attested reply would swallow both and lower cohesion by adding a positive record.
   */
  @Test
  void aReply_absorbsOneRecordPointingTheOtherWay_notAll() {
    Weight praise = Weight.goldstein(3.4);
    Facts before =
        history()
            .members("nl", "de")
            .says("a1", "nl", List.of("de"), "m1", "2025-02-13", "051", praise, NAMED_PARAPHRASE)
            .says("a2", "nl", List.of("de"), "m1", "2025-02-13", "051", praise, NAMED_PARAPHRASE);
    double without = before.value("2025-02-14");
    Facts after =
        before.says("b", "de", List.of("nl"), "m1", "2025-02-13", "051", praise, DIRECT_QUOTE);

    Resolution r = after.resolve();

    assertThat(r.interactions()).extracting(Interaction::factId).containsExactly("a2", "b");
    assertThat(r.duplicates()).extracting(d -> d.left().factId()).containsExactly("a1");
    assertThat(after.value("2025-02-14")).isGreaterThan(without);
  }

  /**
   * A meeting shares its weight over the pairs of its parties (here three: two members and the
   * institution), so on one pair it weighs less than a statement of that meeting: the statement,
   * which weighs more, is kept, and recording the meeting never lowers cohesion.
   */
  @Test
  void aSharedEventOnAPair_doesNotReplaceAStatementThatWeighsMore() {
    Facts before =
        history()
            .members("nl", "de")
            .says(
                "nl-met-de",
                "nl",
                List.of("de"),
                "m1",
                "2025-02-13",
                "044",
                Weight.goldstein(2.5),
                ANONYMOUS_DESCRIBED);
    double without = before.value("2025-02-14");
    Facts after =
        before.event(
            "m1",
            EventKind.MEETING,
            "2025-02-13",
            new Participant(Facts.GROUP, ParticipantPart.HOST),
            new Participant("nl", ParticipantPart.ATTENDEE),
            new Participant("de", ParticipantPart.ATTENDEE));

    Resolution r = after.resolve();

    assertThat(r.interactions())
        .filteredOn(i -> i.channel() == Channel.PAIR)
        .extracting(Interaction::factId)
        .containsExactly("nl-met-de");
    assertThat(after.value("2025-02-14")).isGreaterThanOrEqualTo(without);
  }

  @Test
  void differentOccasionsOrCodesOrTheSameDirection_areNotDuplicates() {
    Weight criticism = Weight.goldstein(-2.0);
    Facts f =
        history()
            .members("nl", "de")
            .says("a", "nl", List.of("de"), "m1", "2025-02-13", "111", criticism, DIRECT_QUOTE)
            .says("b", "de", List.of("nl"), "m2", "2025-02-13", "111", criticism, DIRECT_QUOTE)
            .says("c", "de", List.of("nl"), "m1", "2025-02-13", "110", criticism, DIRECT_QUOTE)
            .says("d", "nl", List.of("de"), "m1", "2025-02-13", "111", criticism, DIRECT_QUOTE);

    assertThat(f.resolve().interactions()).hasSize(4);
  }

  @Test
  void statementsMadeAtNoEvent_areNeverDuplicates() {
    Facts f =
        history()
            .members("nl", "de")
            .says("a", "nl", "de", "2025-02-13", -2.0, DIRECT_QUOTE)
            .says("b", "de", "nl", "2025-02-13", -2.0, DIRECT_QUOTE);

    assertThat(f.resolve().interactions()).hasSize(2);
  }

  @Test
  void anEvent_isOneInteractionSharedOverThePairsOfItsParties_withHostCodes() {
    Facts f =
        history()
            .members("a", "b", "c")
            .role("sg", GROUP, "2024-10-01", null)
            .event(
                "m",
                EventKind.MEETING,
                "2025-02-13",
                new Participant("sg", ParticipantPart.HOST),
                new Participant("a", ParticipantPart.ATTENDEE),
                new Participant("b", ParticipantPart.ATTENDEE),
                new Participant("c", ParticipantPart.ATTENDEE));

    Resolution r = f.resolve();

    // 4 parties (3 members and the institution): 6 pairs, each a sixth of the interaction
    assertThat(r.interactions()).hasSize(6).allMatch(i -> Math.abs(i.share() - 1.0 / 6) < 1e-15);
    assertThat(r.interactions().stream().filter(i -> i.channel() == Channel.PAIR))
        .allMatch(i -> i.code().equals("044") && i.weight() == 2.5);
    assertThat(r.interactions().stream().filter(i -> i.channel() == Channel.INSTITUTION))
        .allMatch(i -> i.code().equals("043") && i.weight() == 2.8);
  }

  @Test
  void speechesAndCeremonies_areNoInteraction_andScheduledEventsDoNotCount() {
    Facts f =
        history()
            .members("a", "b")
            .event(
                "photo",
                EventKind.CEREMONY,
                "2025-02-13",
                new Participant("a", ParticipantPart.ATTENDEE),
                new Participant("b", ParticipantPart.ATTENDEE));

    assertThat(f.resolve().interactions()).isEmpty();
  }

  @Test
  void scale_choosesWhichWeightsCount() {
    Facts f =
        history()
            .members("a", "b")
            .says(
                "g",
                "a",
                List.of("b"),
                null,
                "2025-02-13",
                "1042",
                Weight.goldstein(-5.0),
                DIRECT_QUOTE)
            .says(
                "p",
                "a",
                List.of("b"),
                null,
                "2025-02-13",
                "1042",
                new Weight(-1.0, Weight.PLOVER, "2.0"),
                DIRECT_QUOTE);

    Resolution goldstein = f.resolve();
    Resolution plover = f.resolve(CohesionParameters.defaults().withScale(CohesionScale.PLOVER));

    assertThat(goldstein.interactions()).extracting(Interaction::factId).containsExactly("g");
    assertThat(goldstein.otherScale()).isEqualTo(1);
    assertThat(plover.interactions()).extracting(Interaction::factId).containsExactly("p");
    assertThat(plover.scaleVersions()).containsExactly("2.0");
  }

  @Test
  void memberOverride_replacesTheRecordedMembers() {
    Facts f =
        history()
            .members("a", "b")
            .actor("c", ActorKind.STATE)
            .says("ab", "a", "b", "2025-02-13", 3.0, DIRECT_QUOTE)
            .says("ac", "a", "c", "2025-02-13", -3.0, DIRECT_QUOTE);

    Resolution r = f.resolve(CohesionParameters.defaults().withMembers(Set.of("a", "c")));

    assertThat(r.interactions()).extracting(Interaction::factId).containsExactly("ac");
    assertThat(f.value("2025-02-14", CohesionParameters.defaults().withMembers(Set.of("a", "c"))))
        .isLessThan(0);
  }
}
