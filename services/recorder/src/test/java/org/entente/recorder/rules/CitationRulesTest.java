package org.entente.recorder.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.entente.recorder.rules.SourceTexts.NOS;
import static org.entente.recorder.rules.SourceTexts.excerpt;
import static org.entente.recorder.rules.SourceTexts.length;

import java.util.List;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.Excerpt;
import org.entente.recorder.reference.InMemoryReferences;
import org.junit.jupiter.api.Test;

class CitationRulesTest {

  final InMemoryReferences references =
      new InMemoryReferences().source("nos", NOS).source("wire", null);

  static Citation cite(String sourceId, Excerpt excerpt) {
    return new Citation(sourceId, excerpt, AttributionGrade.DIRECT_QUOTE);
  }

  static RuleException rejection(Runnable check) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(check::run);
    assertThat(thrown).isInstanceOf(RuleException.class);
    return (RuleException) thrown;
  }

  @Test
  void acceptsAnExcerptWhoseQuoteIsTheTextBetweenItsOffsets() {
    assertThatCode(
            () ->
                CitationRules.check(
                    "citation", cite("nos", excerpt(NOS, "vuile deal")), references))
        .doesNotThrowAnyException();
  }

  @Test
  void countsOffsetsInCodePoints_notUtf16Chars() {
    Excerpt inCodePoints = excerpt(NOS, "zei in Brussel");
    int charStart = NOS.indexOf("zei in Brussel");
    assertThat(charStart).isEqualTo(inCodePoints.start() + 2);
    assertThatCode(() -> CitationRules.check("c", cite("nos", inCodePoints), references))
        .doesNotThrowAnyException();

    Excerpt inChars = new Excerpt(charStart, charStart + 14, "zei in Brussel");
    RuleException e = rejection(() -> CitationRules.check("c", cite("nos", inChars), references));
    assertThat(e).isInstanceOf(RuleViolationException.class);
    assertThat(e.field()).isEqualTo("c.excerpt.quote");
  }

  @Test
  void acceptsAnExcerptEndingAtTheLastCodePoint_andRejectsOneBeyond() {
    int length = length(NOS);
    assertThatCode(
            () ->
                CitationRules.check(
                    "c", cite("nos", new Excerpt(length - 4, length, "aan.")), references))
        .doesNotThrowAnyException();
    RuleException e =
        rejection(
            () ->
                CitationRules.check(
                    "c", cite("nos", new Excerpt(length - 3, length + 1, null)), references));
    assertThat(e).isInstanceOf(RuleViolationException.class);
    assertThat(e.field()).isEqualTo("c.excerpt.end");
  }

  @Test
  void rejectsAnEmptyOrBackwardExcerpt() {
    assertThat(
            rejection(
                    () ->
                        CitationRules.check("c", cite("nos", new Excerpt(5, 5, null)), references))
                .field())
        .isEqualTo("c.excerpt.end");
    assertThat(
            rejection(
                    () ->
                        CitationRules.check("c", cite("nos", new Excerpt(9, 3, null)), references))
                .field())
        .isEqualTo("c.excerpt.end");
  }

  @Test
  void rejectsANegativeStart() {
    RuleException e =
        rejection(
            () -> CitationRules.check("c", cite("nos", new Excerpt(-1, 3, null)), references));
    assertThat(e.field()).isEqualTo("c.excerpt.start");
  }

  @Test
  void rejectsAQuoteThatDiffersFromTheText() {
    Excerpt right = excerpt(NOS, "vuile deal");
    Excerpt wrongWords = new Excerpt(right.start(), right.end(), "dirty deal");
    RuleException e =
        rejection(() -> CitationRules.check("c", cite("nos", wrongWords), references));
    assertThat(e).isInstanceOf(RuleViolationException.class);
    assertThat(e.field()).isEqualTo("c.excerpt.quote");
    assertThat(e.reason()).contains("vuile deal");
  }

  @Test
  void withoutAQuote_onlyTheOffsetsAreChecked() {
    assertThatCode(() -> CitationRules.check("c", cite("nos", new Excerpt(0, 7, null)), references))
        .doesNotThrowAnyException();
  }

  @Test
  void aSourceWithoutText_acceptsAnyForwardOffsetsAndQuote() {
    assertThatCode(
            () ->
                CitationRules.check(
                    "c", cite("wire", new Excerpt(1000, 1010, "anything")), references))
        .doesNotThrowAnyException();
  }

  @Test
  void aCitationWithoutExcerpt_citesTheWholeSource() {
    assertThatCode(() -> CitationRules.check("c", cite("nos", null), references))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsAnUnknownSource_asAnUnknownReference() {
    RuleException e = rejection(() -> CitationRules.check("c", cite("missing", null), references));
    assertThat(e).isInstanceOf(UnknownReferenceException.class);
    assertThat(e.field()).isEqualTo("c.sourceId");
  }

  @Test
  void rejectsACitationWithoutGrade() {
    RuleException e =
        rejection(() -> CitationRules.check("c", new Citation("nos", null, null), references));
    assertThat(e.field()).isEqualTo("c.grade");
  }

  @Test
  void checkAll_namesTheIndexOfTheFaultyCitation() {
    List<Citation> citations =
        List.of(cite("nos", excerpt(NOS, "vuile deal")), cite("missing", null));
    RuleException e = rejection(() -> CitationRules.checkAll("citations", citations, references));
    assertThat(e.field()).isEqualTo("citations[1].sourceId");
  }

  @Test
  void checkAll_rejectsTheSameSourceAndExcerptTwice() {
    Excerpt excerpt = excerpt(NOS, "vuile deal");
    List<Citation> citations =
        List.of(
            cite("nos", excerpt), new Citation("nos", excerpt, AttributionGrade.SECOND_HAND_MEDIA));
    RuleException e = rejection(() -> CitationRules.checkAll("citations", citations, references));
    assertThat(e).isInstanceOf(RuleViolationException.class);
    assertThat(e.field()).isEqualTo("citations[1]");
  }

  @Test
  void between_cutsTheTextAtCodePoints() {
    assertThat(CitationRules.between("a\uD83D\uDE00b", 1, 2)).isEqualTo("\uD83D\uDE00");
    assertThat(CitationRules.between("a\uD83D\uDE00b", 2, 3)).isEqualTo("b");
  }
}
