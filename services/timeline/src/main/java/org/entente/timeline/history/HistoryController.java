package org.entente.timeline.history;

import java.time.Instant;
import java.util.List;
import org.entente.timeline.streaming.StreamingBulkhead;
import org.entente.timeline.web.BadQueryParameterException;
import org.entente.timeline.web.QueryParameters;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The raw event history for analysts: every stored event in global order as NDJSON (position, type,
 * aggregate, sequence, timestamp, payload, metadata). Resume with {@code after=<position>} of the
 * last line read.
 */
@RestController
public class HistoryController {

  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

  private final HistoryStream history;
  private final StreamingBulkhead streams;

  public HistoryController(HistoryStream history, StreamingBulkhead streams) {
    this.history = history;
    this.streams = streams;
  }

  @GetMapping("/api/history")
  public ResponseEntity<StreamingResponseBody> history(
      @RequestParam(required = false) Long after,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String aggregate,
      @RequestParam(required = false) List<String> type,
      @RequestParam(required = false) String recordedFrom,
      @RequestParam(required = false) String recordedTo,
      @RequestParam(required = false) Long limit) {
    if (after != null && after < 0) {
      throw new BadQueryParameterException("after", "must be a position (0 or more)");
    }
    if (limit != null && limit < 1) {
      throw new BadQueryParameterException("limit", "must be 1 or more");
    }
    Instant from = QueryParameters.instant("recordedFrom", recordedFrom);
    Instant to = QueryParameters.instant("recordedTo", recordedTo);
    if (from != null && to != null && !to.isAfter(from)) {
      throw new BadQueryParameterException("recordedTo", "must be after recordedFrom");
    }
    HistoryQuery query =
        new HistoryQuery(
            after,
            blankToNull(actor),
            blankToNull(aggregate),
            type == null
                ? null
                : new java.util.LinkedHashSet<>(
                    type.stream()
                        .flatMap(t -> java.util.Arrays.stream(t.split(",")))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .map(t -> QueryParameters.typeName("type", t))
                        .toList()),
            from,
            to,
            limit);
    StreamingResponseBody body = streams.guard(out -> history.write(query, out));
    return ResponseEntity.ok().contentType(NDJSON).body(body);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
