package org.entente.recorder.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/** One row of the event store, as stored: payload and metadata are the stored JSON objects. */
public record StoredEvent(
    @Schema(description = "Position in the global order of all events") long globalIndex,
    @Schema(description = "Position in the aggregate's own stream, from 0") long sequenceNumber,
    @Schema(description = "Aggregate type, e.g. Actor") String aggregateType,
    @Schema(description = "Event class, e.g. org.entente.api.actor.ActorRegistered")
        String payloadType,
    String payloadRevision,
    @Schema(description = "When the event was stored (ISO-8601)") String timestamp,
    String eventIdentifier,
    @Schema(type = "object", implementation = Object.class, description = "The event as stored")
        JsonNode payload,
    @Schema(
            type = "object",
            implementation = Object.class,
            description =
                "recordedBy, recordedAt, commandId, correlationId, causationId, as stored")
        JsonNode metaData) {}
