package org.entente.recorder.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.entente.recorder.rules.CitationRulesTest.rejection;
import static org.entente.recorder.rules.SourceTexts.NOS;
import static org.entente.recorder.rules.SourceTexts.excerpt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.ReportedBy;
import org.entente.recorder.reference.InMemoryReferences;
import org.junit.jupiter.api.Test;

/** Reported-by chains: a quote one outlet reports from another, or from anonymous sources. */
class ReportedByRulesTest {

  final InMemoryReferences references =
      new InMemoryReferences()
          .source("nos", NOS)
          .source("wire", null)
          .actor("nato", ActorKind.ALLIANCE);

  static Citation via(String sourceId, ReportedBy... chain) {
    return new Citation(
        sourceId,
        excerpt(NOS, "vuile deal"),
        AttributionGrade.SECOND_HAND_MEDIA,
        chain.length == 0 ? null : new ArrayList<>(java.util.Arrays.asList(chain)));
  }

  @Test
  void acceptsAChainThroughAnotherOutletAnActorAndAnonymousSources() {
    assertThatCode(
            () ->
                CitationRules.check(
                    "citation",
                    via(
                        "nos",
                        new ReportedBy("wire", null, null),
                        new ReportedBy(null, "nato", "a NATO spokesperson"),
                        ReportedBy.anonymous("NAVO-bronnen")),
                    references))
        .doesNotThrowAnyException();
  }

  @Test
  void anEmptyChain_isNoChain() {
    assertThat(new Citation("nos", null, AttributionGrade.DIRECT_QUOTE, List.of()).reportedBy())
        .isNull();
  }

  @Test
  void rejectsALinkThatNamesNothing_namingItsIndex() {
    RuleException e =
        rejection(
            () ->
                CitationRules.check(
                    "c",
                    via(
                        "nos",
                        ReportedBy.anonymous("NAVO-bronnen"),
                        new ReportedBy(null, null, " ")),
                    references));
    assertThat(e).isInstanceOf(RuleViolationException.class);
    assertThat(e.field()).isEqualTo("c.reportedBy[1]");

    List<ReportedBy> withNull = new ArrayList<>(Collections.singletonList(null));
    RuleException nullLink =
        rejection(
            () ->
                CitationRules.check(
                    "c",
                    new Citation("nos", null, AttributionGrade.DIRECT_QUOTE, withNull),
                    references));
    assertThat(nullLink.field()).isEqualTo("c.reportedBy[0]");
  }

  @Test
  void rejectsUnknownSourcesAndActors() {
    RuleException source =
        rejection(
            () ->
                CitationRules.check(
                    "c", via("nos", new ReportedBy("nowhere", null, null)), references));
    assertThat(source).isInstanceOf(UnknownReferenceException.class);
    assertThat(source.field()).isEqualTo("c.reportedBy[0].sourceId");

    RuleException actor =
        rejection(
            () ->
                CitationRules.check(
                    "c", via("nos", new ReportedBy(null, "nobody", null)), references));
    assertThat(actor).isInstanceOf(UnknownReferenceException.class);
    assertThat(actor.field()).isEqualTo("c.reportedBy[0].actorId");
  }

  @Test
  void rejectsALoop_throughTheCitedSourceOrTwiceThroughOne() {
    assertThat(
            rejection(
                    () ->
                        CitationRules.check(
                            "c", via("nos", new ReportedBy("nos", null, null)), references))
                .field())
        .isEqualTo("c.reportedBy[0].sourceId");
    assertThat(
            rejection(
                    () ->
                        CitationRules.check(
                            "c",
                            via(
                                "nos",
                                new ReportedBy("wire", null, null),
                                new ReportedBy("wire", null, null)),
                            references))
                .field())
        .isEqualTo("c.reportedBy[1].sourceId");
  }

  @Test
  void rejectsAChainLongerThanTheLimit() {
    ReportedBy[] links = new ReportedBy[CitationRules.MAX_CHAIN + 1];
    java.util.Arrays.fill(links, ReportedBy.anonymous("insiders"));
    assertThat(rejection(() -> CitationRules.check("c", via("nos", links), references)).field())
        .isEqualTo("c.reportedBy");
    assertThatCode(
            () ->
                CitationRules.check(
                    "c",
                    via("nos", java.util.Arrays.copyOf(links, CitationRules.MAX_CHAIN)),
                    references))
        .doesNotThrowAnyException();
  }
}
