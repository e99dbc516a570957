package org.entente.recorder.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.entente.api.event.AmendDiplomaticEvent;
import org.entente.api.event.CancelDiplomaticEvent;
import org.entente.api.event.MarkDiplomaticEventHeld;
import org.entente.api.event.RecordDiplomaticEvent;
import org.entente.api.event.RetractDiplomaticEvent;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/events", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "Diplomatic events",
    description = "Speeches, meetings, dinners, summits, … that took place or are scheduled")
class DiplomaticEventEndpoints {

  private final CommandRequests requests;

  DiplomaticEventEndpoints(CommandRequests requests) {
    this.requests = requests;
  }

  @PostMapping
  @Operation(
      summary = "Record a diplomatic event",
      description = "eventId may be left out: a UUID is generated.",
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = RecordDiplomaticEvent.class))))
  @ApiResponse(
      responseCode = "201",
      description = ApiDocs.CREATED,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> record(HttpServletRequest request) {
    return requests.create(RecordDiplomaticEvent.class, request);
  }

  @PostMapping("/{id}/amendments")
  @Operation(
      summary = "Amend a diplomatic event",
      description = "Fields left out stay as they were. " + ApiDocs.ID_IN_PATH,
      parameters =
          @Parameter(
              in = ParameterIn.HEADER,
              name = Headers.IF_MATCH,
              description = ApiDocs.IF_MATCH,
              schema = @Schema(type = "string", example = "\"3\"")),
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = AmendDiplomaticEvent.class))))
  @ApiResponse(
      responseCode = "200",
      description = ApiDocs.DONE,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> amend(@PathVariable String id, HttpServletRequest request) {
    return requests.follow(AmendDiplomaticEvent.class, id, request);
  }

  @PostMapping("/{id}/held")
  @Operation(
      summary = "Mark a scheduled event as held",
      description = ApiDocs.ID_IN_PATH,
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = MarkDiplomaticEventHeld.class))))
  @ApiResponse(
      responseCode = "200",
      description = ApiDocs.DONE,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> markHeld(@PathVariable String id, HttpServletRequest request) {
    return requests.follow(MarkDiplomaticEventHeld.class, id, request);
  }

  @PostMapping("/{id}/cancellation")
  @Operation(
      summary = "Cancel a scheduled event",
      description = ApiDocs.ID_IN_PATH,
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = CancelDiplomaticEvent.class))))
  @ApiResponse(
      responseCode = "200",
      description = ApiDocs.DONE,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> cancel(@PathVariable String id, HttpServletRequest request) {
    return requests.follow(CancelDiplomaticEvent.class, id, request);
  }

  @PostMapping("/{id}/retraction")
  @Operation(
      summary = "Retract the record of an event",
      description = "The history is kept. " + ApiDocs.ID_IN_PATH,
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = RetractDiplomaticEvent.class))))
  @ApiResponse(
      responseCode = "200",
      description = ApiDocs.DONE,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> retract(@PathVariable String id, HttpServletRequest request) {
    return requests.follow(RetractDiplomaticEvent.class, id, request);
  }
}
