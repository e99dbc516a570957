package org.entente.timeline.cohesion;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The cohesion points of given days, through the cohesion service's public request (default
 * parameters, daily resolution), for callers outside this package (the live streams).
 */
@Component
public class CohesionPoints {

  private final CohesionService service;

  CohesionPoints(CohesionService service) {
    this.service = service;
  }

  /**
   * The group's points (pair series and institution series) on each of {@code days}, as the
   * cohesion endpoint computes them now.
   */
  public DayPoints of(String groupId, Set<LocalDate> days) {
    LocalDate from = days.stream().min(LocalDate::compareTo).orElseThrow();
    LocalDate to = days.stream().max(LocalDate::compareTo).orElseThrow();
    if (from.plusDays(CohesionService.MAX_POINTS - 1).isBefore(to)) {
      from = to.minusDays(CohesionService.MAX_POINTS - 1);
    }
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
    query.add("from", from.toString());
    query.add("to", to.toString());
    query.add("resolution", "day");
    CohesionViews.Series series = service.series(groupId, CohesionRequest.parse(query));
    return new DayPoints(
        groupId,
        series.indicator(),
        series.points().stream().filter(p -> days.contains(p.time())).toList(),
        series.institutionSeries().stream().filter(p -> days.contains(p.time())).toList());
  }

  /** A group's cohesion points of some days (the JSON of a live cohesion message). */
  public record DayPoints(
      String groupId, String indicator, List<?> points, List<?> institutionSeries) {}
}
