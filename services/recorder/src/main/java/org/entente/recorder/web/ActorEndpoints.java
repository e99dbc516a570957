package org.entente.recorder.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.entente.api.actor.AssignRole;
import org.entente.api.actor.RecordMembership;
import org.entente.api.actor.RegisterActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/actors", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Actors", description = "Persons, states, organisations, alliances and groups")
class ActorEndpoints {

  private final CommandRequests requests;

  ActorEndpoints(CommandRequests requests) {
    this.requests = requests;
  }

  @PostMapping
  @Operation(
      summary = "Register an actor",
      description = "actorId may be left out: a UUID is generated.",
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = RegisterActor.class))))
  @ApiResponse(
      responseCode = "201",
      description = ApiDocs.CREATED,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> register(HttpServletRequest request) {
    return requests.create(RegisterActor.class, request);
  }

  @PostMapping("/{id}/roles")
  @Operation(
      summary = "Assign a person a role at a state, organisation or alliance for a period",
      description = ApiDocs.ID_IN_PATH,
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = AssignRole.class))))
  @ApiResponse(
      responseCode = "200",
      description = ApiDocs.DONE,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> assignRole(@PathVariable String id, HttpServletRequest request) {
    return requests.follow(AssignRole.class, id, request);
  }

  @PostMapping("/{id}/memberships")
  @Operation(
      summary = "Record membership of an actor in an alliance, group or organisation",
      description = ApiDocs.ID_IN_PATH,
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = RecordMembership.class))))
  @ApiResponse(
      responseCode = "200",
      description = ApiDocs.DONE,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> recordMembership(
      @PathVariable String id, HttpServletRequest request) {
    return requests.follow(RecordMembership.class, id, request);
  }
}
