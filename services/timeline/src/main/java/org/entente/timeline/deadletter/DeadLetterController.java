package org.entente.timeline.deadletter;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of events the read side could not apply: list them, hand them to their handlers
 * again (after a fix), or evict them. Unknown groups and letter ids answer 404 problems naming the
 * path variable.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
public class DeadLetterController {

  private final DeadLetters deadLetters;

  DeadLetterController(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  /** Counts per processing group and every waiting letter. */
  @GetMapping
  public Listing list() {
    Map<String, Long> waiting = deadLetters.waiting();
    return new Listing(
        waiting.values().stream().mapToLong(Long::longValue).sum(), waiting, deadLetters.letters());
  }

  /** Retries every waiting sequence once. */
  @PostMapping("/retry")
  public Retried retryAll() {
    int processed = deadLetters.retryAll();
    return new Retried(processed, remaining());
  }

  /** Retries the sequence (aggregate) the letter belongs to, from its first letter. */
  @PostMapping("/{processingGroup}/{letterId}/retry")
  public Retried retry(@PathVariable String processingGroup, @PathVariable String letterId) {
    boolean processed = deadLetters.retry(processingGroup, letterId);
    return new Retried(processed ? 1 : 0, remaining());
  }

  /** Drops the letter unhandled; the events behind it in its sequence stay parked. */
  @DeleteMapping("/{processingGroup}/{letterId}")
  public ResponseEntity<Void> evict(
      @PathVariable String processingGroup, @PathVariable String letterId) {
    deadLetters.evict(processingGroup, letterId);
    return ResponseEntity.noContent().build();
  }

  private long remaining() {
    return deadLetters.waiting().values().stream().mapToLong(Long::longValue).sum();
  }

  public record Listing(
      long waiting, Map<String, Long> perProcessingGroup, List<DeadLetters.Letter> letters) {}

  public record Retried(int sequencesProcessed, long waiting) {}
}
