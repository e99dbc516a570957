package org.entente.timeline.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administration of the timeline projection: start a rebuild, watch its progress. */
@RestController
@RequestMapping("/api/admin/projections/timeline")
public class RebuildController {

  private final TimelineRebuilder rebuilder;

  public RebuildController(TimelineRebuilder rebuilder) {
    this.rebuilder = rebuilder;
  }

  @GetMapping
  public RebuildStatus status() {
    return rebuilder.status();
  }

  /** Starts a rebuild from the first event; queries keep answering from the live slot. */
  @PostMapping("/rebuild")
  public ResponseEntity<RebuildStatus> rebuild() {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilder.start());
  }
}
