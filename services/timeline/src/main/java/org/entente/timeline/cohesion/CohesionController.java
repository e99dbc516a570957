package org.entente.timeline.cohesion;

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
 * parameters: from, to, resolution (day|week|month), asOf, pairs, limit; what-if: halfLifeDays, k,
 * reliability.GRADE, scale (goldstein|plover), members (comma-separated actor ids).
 */
@RestController
@RequestMapping("/api/groups/{id}/cohesion")
class CohesionController {

  private final CohesionService service;

  CohesionController(CohesionService service) {
    this.service = service;
  }

  @GetMapping
  Series series(@PathVariable String id, @RequestParam MultiValueMap<String, String> query) {
    return service.series(id, CohesionRequest.parse(query));
  }

  @GetMapping("/{time}/contributors")
  Contributors contributors(
      @PathVariable String id,
      @PathVariable String time,
      @RequestParam MultiValueMap<String, String> query) {
    return service.contributors(id, time, CohesionRequest.parse(query));
  }
}
