package org.entente.timeline.cohesion;

import java.time.LocalDate;
import java.util.Optional;
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

  /** The day's series (one point per channel), or empty if {@code groupId} is not a group. */
  public Optional<Object> of(String groupId, LocalDate day) {
    CohesionRequest request =
        new CohesionRequest(
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
    try {
      return Optional.of(cohesion.series(groupId, request));
    } catch (UnknownGroupException e) {
      return Optional.empty();
    }
  }
}
