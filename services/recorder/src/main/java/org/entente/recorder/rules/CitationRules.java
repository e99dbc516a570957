package org.entente.recorder.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.entente.api.common.Citation;
import org.entente.api.common.Excerpt;
import org.entente.api.common.ReportedBy;
import org.entente.recorder.reference.References;
import org.entente.recorder.reference.References.SourceSnapshot;

/**
 * Checks a citation against its source: the source is on record, the excerpt's offsets lie inside
 * the source text, and the quoted words are the words between them. Offsets count Unicode code
 * points, not UTF-16 chars, so an emoji or a rare CJK character counts once. A source registered
 * without text cannot be checked beyond {@code 0 <= start < end}; its offsets are accepted.
 */
public final class CitationRules {

  /** The longest reported-by chain a citation may name. */
  public static final int MAX_CHAIN = 10;

  private CitationRules() {}

  /** Checks every citation of a list, naming faults {@code field[i].…}; rejects duplicates. */
  public static void checkAll(String field, List<Citation> citations, References references) {
    if (citations == null) {
      return;
    }
    Set<Key> seen = new HashSet<>();
    for (int i = 0; i < citations.size(); i++) {
      String at = field + "[" + i + "]";
      Citation citation = citations.get(i);
      check(at, citation, references);
      if (!seen.add(Key.of(citation))) {
        throw new RuleViolationException(at, "cites the same source and excerpt twice");
      }
    }
  }

  /** Checks one citation, naming faults {@code field.sourceId}, {@code field.excerpt.end}, … */
  public static void check(String field, Citation citation, References references) {
    if (citation == null) {
      throw new RuleViolationException(field, "a citation is required");
    }
    SourceSnapshot source =
        references
            .source(citation.sourceId())
            .orElseThrow(
                () ->
                    new UnknownReferenceException(
                        field + ".sourceId", citation.sourceId(), "source"));
    if (citation.grade() == null) {
      throw new RuleViolationException(field + ".grade", "an attribution grade is required");
    }
    Excerpt excerpt = citation.excerpt();
    if (excerpt != null) {
      checkExcerpt(field + ".excerpt", excerpt, source.text());
    }
    checkChain(field + ".reportedBy", citation, references);
  }

  /**
   * A reported-by chain: at most {@link #MAX_CHAIN} links, each naming a registered source or actor
   * or describing the anonymous link, and no source twice (the cited one included: a chain through
   * itself would be a loop).
   */
  static void checkChain(String field, Citation citation, References references) {
    List<ReportedBy> chain = citation.chain();
    if (chain.size() > MAX_CHAIN) {
      throw new RuleViolationException(
          field, "at most " + MAX_CHAIN + " links, not " + chain.size());
    }
    Set<String> sources = new HashSet<>(Set.of(citation.sourceId()));
    for (int i = 0; i < chain.size(); i++) {
      String at = field + "[" + i + "]";
      ReportedBy link = chain.get(i);
      if (link == null
          || link.sourceId() == null && link.actorId() == null && blank(link.description())) {
        throw new RuleViolationException(
            at, "a link names a sourceId or an actorId, or describes who it is (description)");
      }
      if (link.sourceId() != null) {
        if (references.source(link.sourceId()).isEmpty()) {
          throw new UnknownReferenceException(at + ".sourceId", link.sourceId(), "source");
        }
        if (!sources.add(link.sourceId())) {
          throw new RuleViolationException(
              at + ".sourceId", "source '" + link.sourceId() + "' is already in the chain");
        }
      }
      if (link.actorId() != null && references.actorKind(link.actorId()).isEmpty()) {
        throw new UnknownReferenceException(at + ".actorId", link.actorId(), "actor");
      }
      if (link.description() != null && blank(link.description())) {
        throw new RuleViolationException(at + ".description", "must not be blank when given");
      }
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /**
   * A statement's citation must say which words of the source it rests on, whenever the source's
   * text is on record: a whole article is no evidence for what one person said. A source registered
   * without text (a URL-only source, as event datasets give) has no words to point at, so its
   * citations may omit the excerpt; the grade is still required. (A diplomatic event may cite any
   * source as a whole.)
   */
  public static void requireExcerpts(
      String field, List<Citation> citations, References references) {
    if (citations == null) {
      return;
    }
    for (int i = 0; i < citations.size(); i++) {
      requireExcerpt(field + "[" + i + "]", citations.get(i), references);
    }
  }

  /** See {@link #requireExcerpts}. */
  public static void requireExcerpt(String field, Citation citation, References references) {
    if (citation == null || citation.excerpt() != null) {
      return;
    }
    boolean hasText =
        references.source(citation.sourceId()).map(s -> s.text() != null).orElse(true);
    if (hasText) {
      throw new RuleViolationException(
          field + ".excerpt",
          "a statement's citation of a source with text needs the excerpt's offsets (and best its"
              + " quote) in the source");
    }
  }

  static void checkExcerpt(String field, Excerpt excerpt, String text) {
    if (excerpt.start() < 0) {
      throw new RuleViolationException(field + ".start", "offsets start at 0");
    }
    if (excerpt.end() <= excerpt.start()) {
      throw new RuleViolationException(
          field + ".end",
          "the excerpt ends ("
              + excerpt.end()
              + ") at or before its start ("
              + excerpt.start()
              + ")");
    }
    if (text == null) {
      return;
    }
    int length = text.codePointCount(0, text.length());
    if (excerpt.end() > length) {
      throw new RuleViolationException(
          field + ".end",
          "the excerpt ends ("
              + excerpt.end()
              + ") beyond the source text ("
              + length
              + " code points)");
    }
    if (excerpt.quote() != null) {
      String between = between(text, excerpt.start(), excerpt.end());
      if (!between.equals(excerpt.quote())) {
        throw new RuleViolationException(
            field + ".quote",
            "the source reads \"" + between + "\" between these offsets, not the quoted words");
      }
    }
  }

  /** The text between two code-point offsets. */
  public static String between(String text, int start, int end) {
    int from = text.offsetByCodePoints(0, start);
    int to = text.offsetByCodePoints(from, end - start);
    return text.substring(from, to);
  }

  /** Two citations cite "the same" when source and offsets agree (quote and grade aside). */
  public record Key(String sourceId, Integer start, Integer end) {

    public static Key of(Citation citation) {
      Excerpt excerpt = citation.excerpt();
      return excerpt == null
          ? new Key(citation.sourceId(), null, null)
          : new Key(citation.sourceId(), excerpt.start(), excerpt.end());
    }
  }
}
