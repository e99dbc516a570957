package org.entente.timeline.cohesion;

import io.swagger.v3.oas.annotations.Operation;
import org.entente.timeline.cohesion.CohesionViews.Contributors;
import org.entente.timeline.cohesion.CohesionViews.Series;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cohesion indicator of a group over time, and the records behind one of its values. Query
 * parameters: from, to, resolution (day|week|month), asOf, pairs, interval, plain, limit, minShare;
 * what-if: halfLifeDays, k, observation, reliability.GRADE, scale (goldstein|plover), members
 * (comma-separated actor ids). See docs/cohesion.md.
 */
@RestController
@RequestMapping("/api/groups/{id}/cohesion")
class CohesionController {

  private final CohesionService service;

  CohesionController(CohesionService service) {
    this.service = service;
  }

  @Operation(
      summary = "A group's cohesion series (docs/cohesion.md)",
      description =
          "Query: from, to, resolution (day|week|month), asOf, pairs, interval (a 90% bootstrap"
              + " band per point), plain (mean Goldstein and quad-class shares per bucket);"
              + " what-if: halfLifeDays, k, observation (θ: pairs are observed while their"
              + " decayed evidence is at least θ), reliability.GRADE, scale, members. Without"
              + " from/to the series covers the data's span at the finest resolution that fits"
              + " 5000 points (or its latest 5000 points at an explicit resolution); `window` says"
              + " what was chosen.")
  @GetMapping
  Series series(@PathVariable String id, @RequestParam MultiValueMap<String, String> query) {
    return service.series(id, CohesionRequest.parse(query));
  }

  @Operation(
      summary = "The records behind one point of the series",
      description =
          "Query: limit, minShare (leave out records whose contribution is below this fraction"
              + " of the point's gross value Σ|contribution|, default 0.001; `omitted` says how"
              + " many), resolution, asOf and the what-if parameters of the series. Reciprocal"
              + " records of one occasion share its credit equally (`merged`, `mergedWith`).")
  @GetMapping("/{time}/contributors")
  Contributors contributors(
      @PathVariable String id,
      @PathVariable String time,
      @RequestParam MultiValueMap<String, String> query) {
    return service.contributors(id, time, CohesionRequest.parse(query));
  }
}
