package org.entente.recorder.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.entente.recorder.rules.UnknownReferenceException;
import org.entente.recorder.web.CommandLimits;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Streams", description = "The stored events of one aggregate, for audit")
class StreamEndpoints {

  private final EventStoreStreams streams;

  StreamEndpoints(EventStoreStreams streams) {
    this.streams = streams;
  }

  @GetMapping("/api/streams/{aggregateId}")
  @Operation(
      summary = "Read the stored events of one actor, source, event or statement",
      description =
          "Straight from the event store, in sequence order, with each event's metadata"
              + " (recordedBy, recordedAt, commandId, correlationId, causationId).")
  ResponseEntity<AggregateStream> stream(@PathVariable String aggregateId) {
    CommandLimits.requireStorableId("aggregateId", aggregateId);
    AggregateStream stream =
        streams
            .read(aggregateId)
            .orElseThrow(
                () -> new UnknownReferenceException("aggregateId", aggregateId, "aggregate"));
    // the version to send back as If-Match when amending or correcting
    return ResponseEntity.ok().eTag("\"" + stream.version() + "\"").body(stream);
  }
}
