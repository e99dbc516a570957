package org.entente.recorder.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.entente.api.source.RegisterSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/sources", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sources", description = "Documents that facts are taken from")
class SourceEndpoints {

  private final CommandRequests requests;

  SourceEndpoints(CommandRequests requests) {
    this.requests = requests;
  }

  @PostMapping
  @Operation(
      summary = "Register a source document",
      description =
          "sourceId may be left out: a UUID is generated. The SHA-256 of the text is stored with"
              + " it.",
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = RegisterSource.class))))
  @ApiResponse(
      responseCode = "201",
      description = ApiDocs.CREATED,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> register(HttpServletRequest request) {
    return requests.create(RegisterSource.class, request);
  }
}
