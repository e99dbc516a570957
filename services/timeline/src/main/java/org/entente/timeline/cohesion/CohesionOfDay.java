package org.entente.timeline.cohesion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.entente.timeline.cohesion.CohesionViews.Series;
import org.entente.timeline.cohesion.arithmetic.Buckets;
import org.entente.timeline.cohesion.arithmetic.CohesionParameters;
import org.springframework.stereotype.Component;

/**
 * A group's cohesion on one day with the default parameters, as known now: the series the cohesion
 * endpoint answers for {@code from=to=day}. For publishers outside the read side (live updates);
 * its JSON is the endpoint's.
 */
@Component
public class CohesionOfDay {

  private final CohesionService cohesion;

  CohesionOfDay(CohesionService cohesion) {
    this.cohesion = cohesion;
  }

  /**
   * The series of each of {@code days} (one point per channel each), read in one snapshot; empty if
   * {@code groupId} is not a group.
   */
  public Map<LocalDate, Object> of(String groupId, Collection<LocalDate> days) {
    return of(groupId, days, false);
  }

  /**
   * As {@link #of(String, Collection)}, read from the group's last stored cohesion even if a batch
   * has marked the group since: for a publisher that checked that the stored rows cover the events
   * it publishes ({@code tl_cohesion_summary.covers_position}), so it reads a few stored rows per
   * day instead of computing the group from its facts.
   */
  public Map<LocalDate, Object> lastStored(String groupId, Collection<LocalDate> days) {
    return of(groupId, days, true);
  }

  private Map<LocalDate, Object> of(String groupId, Collection<LocalDate> days, boolean stored) {
    List<LocalDate> ordered = new ArrayList<>(new TreeSet<>(days));
    List<CohesionRequest> requests = ordered.stream().map(CohesionOfDay::request).toList();
    Map<LocalDate, Object> series = new LinkedHashMap<>();
    try {
      List<Series> answers =
          stored ? cohesion.lastStored(groupId, requests) : cohesion.seriesNow(groupId, requests);
      for (int i = 0; i < ordered.size(); i++) {
        series.put(ordered.get(i), answers.get(i));
      }
    } catch (UnknownGroupException e) {
      series.clear();
    }
    return series;
  }

  private static CohesionRequest request(LocalDate day) {
    return new CohesionRequest(
        day,
        day,
        Buckets.DAY,
        true,
        null,
        false,
        10,
        CohesionRequest.DEFAULT_MIN_SHARE,
        false,
        false,
        CohesionParameters.defaults(),
        false);
  }

  /** The day's series (one point per channel), or empty if {@code groupId} is not a group. */
  public Optional<Object> of(String groupId, LocalDate day) {
    CohesionRequest request = request(day);
    try {
      return Optional.of(cohesion.series(groupId, request));
    } catch (UnknownGroupException e) {
      return Optional.empty();
    }
  }
}
