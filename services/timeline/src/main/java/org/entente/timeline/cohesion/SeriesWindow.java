package org.entente.timeline.cohesion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.entente.timeline.cohesion.arithmetic.Buckets;
import org.entente.timeline.web.BadQueryParameterException;

/**
 * The window and resolution a series answers with. What the request names is kept; what it leaves
 * out is chosen to fit the point cap: without {@code from}/{@code to} the window is the data's span
 * (a week before the first interaction to 30 days after the last), without {@code resolution} the
 * finest of day, week and month whose buckets fit, and if even then the defaulted window holds too
 * many points, its latest {@code max} buckets (the answer says so, and where to page on). A 400
 * only ever names a parameter the request sent.
 *
 * @param defaulted the parameters chosen here: from, to, resolution
 * @param truncated whether the defaulted window was cut to its latest (or first) {@code maxPoints}
 * @param earlierTo when truncated at the start: the {@code to} of the page before this one
 */
record SeriesWindow(
    LocalDate from,
    LocalDate to,
    Buckets resolution,
    List<String> defaulted,
    boolean truncated,
    LocalDate earlierTo,
    int maxPoints,
    List<Buckets.Bucket> buckets) {

  /** Without from/to, a series runs from a week before the first interaction... */
  static final int LEAD_DAYS = 7;

  /** ...to one default half-life after the last one. */
  static final int TAIL_DAYS = 30;

  /**
   * @param first the day of the first interaction, null when there is none
   * @param last the day of the last interaction, null when there is none
   */
  static SeriesWindow of(
      CohesionRequest request, LocalDate first, LocalDate last, LocalDate today, int max) {
    List<String> defaulted = new ArrayList<>();
    LocalDate from = request.from();
    LocalDate to = request.to();
    boolean none = first == null;
    if (from == null) {
      defaulted.add("from");
      from = none ? (to != null ? to : today).minusDays(TAIL_DAYS) : first.minusDays(LEAD_DAYS);
    }
    if (to == null) {
      defaulted.add("to");
      to = none ? today : last.plusDays(TAIL_DAYS);
      if (to.isBefore(from)) {
        to = from;
      }
    }
    Buckets resolution = request.resolution();
    if (!request.resolutionGiven()) {
      defaulted.add("resolution");
      for (Buckets candidate : Buckets.values()) {
        resolution = candidate;
        if (count(candidate, from, to) <= max) {
          break;
        }
      }
    }
    boolean truncated = false;
    LocalDate earlierTo = null;
    if (count(resolution, from, to) > max) {
      if (request.from() == null) {
        // keep the latest points: the recent past matters most; page back with to=earlierTo
        LocalDate start = resolution.start(to);
        for (int i = 1; i < max; i++) {
          start = previous(resolution, start);
        }
        earlierTo = start.minusDays(1);
        from = start;
        truncated = true;
      } else if (request.to() == null) {
        LocalDate end = resolution.start(from);
        for (int i = 1; i < max; i++) {
          end = resolution.next(end);
        }
        to = end;
        truncated = true;
      } else {
        throw new BadQueryParameterException(
            request.resolutionGiven() ? "resolution" : "from",
            "the window holds more than " + max + " points; narrow it or use a coarser resolution");
      }
    }
    return new SeriesWindow(
        from,
        to,
        resolution,
        List.copyOf(defaulted),
        truncated,
        earlierTo,
        max,
        resolution.between(from, to, max));
  }

  private static long count(Buckets resolution, LocalDate from, LocalDate to) {
    LocalDate start = resolution.start(from);
    if (start.isAfter(to)) {
      return 0;
    }
    return switch (resolution) {
      case DAY -> java.time.temporal.ChronoUnit.DAYS.between(start, to) + 1;
      case WEEK -> java.time.temporal.ChronoUnit.WEEKS.between(start, to) + 1;
      case MONTH -> java.time.temporal.ChronoUnit.MONTHS.between(start, to) + 1;
    };
  }

  private static LocalDate previous(Buckets resolution, LocalDate start) {
    return switch (resolution) {
      case DAY -> start.minusDays(1);
      case WEEK -> start.minusWeeks(1);
      case MONTH -> start.minusMonths(1);
    };
  }

  /** What the answer says about its window. */
  CohesionViews.Window view() {
    return new CohesionViews.Window(
        from,
        to,
        resolution.name().toLowerCase(java.util.Locale.ROOT),
        defaulted,
        truncated,
        earlierTo,
        maxPoints);
  }
}
