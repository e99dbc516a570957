package org.entente.recorder.importing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** One line of an NDJSON import, for the OpenAPI description (lines are read field by field). */
@Schema(
    name = "ImportLine",
    description =
        "One command per line, e.g. {\"command\":\"RegisterActor\",\"idempotencyKey\":"
            + "\"demo-actor-nato\",\"body\":{\"actorId\":\"nato\",\"kind\":\"ALLIANCE\","
            + "\"name\":\"NATO\"}}. Blank lines and lines starting with # are skipped.")
record ImportLine(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            description = "Simple name of a command record, e.g. RegisterActor, RecordStatement")
        String command,
    @Schema(description = "Makes the line safe to import again (1–255 visible ASCII characters)")
        String idempotencyKey,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            description = "The command's fields, as the command's HTTP endpoint takes them")
        Map<String, Object> body) {}
