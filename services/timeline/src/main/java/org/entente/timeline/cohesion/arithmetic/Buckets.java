package org.entente.timeline.cohesion.arithmetic;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The points of a series: one per UTC day, ISO week (from Monday) or month. A point is labelled by
 * the first day of its bucket and evaluated at the bucket's end, so it includes everything that
 * happened in the bucket.
 */
public enum Buckets {
  DAY,
  WEEK,
  MONTH;

  /** A bucket: its first day and the instant it ends (exclusive), where the point is evaluated. */
  public record Bucket(LocalDate time, Instant at) {}

  public static Buckets parse(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** The first day of the bucket that holds {@code day}. */
  public LocalDate start(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  public LocalDate next(LocalDate start) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }

  public Bucket bucketOf(LocalDate day) {
    LocalDate start = start(day);
    return new Bucket(start, next(start).atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /** The buckets from the one holding {@code from} to the one holding {@code to}. */
  public List<Bucket> between(LocalDate from, LocalDate to, int max) {
    List<Bucket> buckets = new ArrayList<>();
    for (LocalDate d = start(from); !d.isAfter(to); d = next(d)) {
      if (buckets.size() == max) {
        throw new IllegalArgumentException("more than " + max + " points");
      }
      buckets.add(bucketOf(d));
    }
    return buckets;
  }
}
