package org.entente.api.common;

/**
 * How directly a record is attributed to its speaker, strongest first. The declaration order is the
 * ranking used by "minimum grade" filters: a lower ordinal is a stronger attribution.
 */
public enum AttributionGrade {
  DIRECT_QUOTE,
  OFFICIAL_TRANSCRIPT,
  NAMED_PARAPHRASE,
  ANONYMOUS_DESCRIBED,
  ANONYMOUS_UNDESCRIBED,
  SECOND_HAND_MEDIA,
  ALLEGED_UNCONFIRMED;

  /** True when this grade is at least as strong as {@code minimum}. */
  public boolean atLeast(AttributionGrade minimum) {
    return ordinal() <= minimum.ordinal();
  }
}
