package org.entente.recorder.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a command that was carried out. */
@Schema(description = "The command was carried out and its events are stored.")
public record CommandAccepted(
    @Schema(description = "Id of the aggregate the command addressed (generated when left out)")
        String id,
    @Schema(
            description =
                "Sequence number of the aggregate's last event after the command (0 after"
                    + " creation); send it back as If-Match: \"<version>\" to amend or correct")
        long version) {}
