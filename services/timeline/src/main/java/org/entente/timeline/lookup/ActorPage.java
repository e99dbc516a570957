package org.entente.timeline.lookup;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One page of an actor search, in (lower-cased name, id) order. */
public record ActorPage(
    List<ActorSummary> items,
    @Schema(description = "Pass as cursor (with the same q, kind and asOf) for the next page")
        String nextCursor,
    Instant asOf) {}
