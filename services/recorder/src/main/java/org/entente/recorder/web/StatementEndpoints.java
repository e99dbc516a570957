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
import org.entente.api.statement.AddTranslation;
import org.entente.api.statement.CiteSource;
import org.entente.api.statement.CorrectStatement;
import org.entente.api.statement.RecordStatement;
import org.entente.api.statement.RetractStatement;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/statements", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Statements", description = "What actors said or are reported to have said")
class StatementEndpoints {

  private final CommandRequests requests;

  StatementEndpoints(CommandRequests requests) {
    this.requests = requests;
  }

  @PostMapping
  @Operation(
      summary = "Record a statement",
      description =
          "statementId may be left out: a UUID is generated. Each citation needs a grade, and an"
              + " excerpt (offsets, best with its quote, checked against the text) when its"
              + " source was registered with text; a citation of a text-less (URL-only) source"
              + " may leave the excerpt out.",
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = RecordStatement.class))))
  @ApiResponse(
      responseCode = "201",
      description = ApiDocs.CREATED,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> record(HttpServletRequest request) {
    return requests.create(RecordStatement.class, request);
  }

  @PostMapping("/{id}/corrections")
  @Operation(
      summary = "Correct a statement",
      description =
          "Fields left out stay as they were. addTopics/removeTopics and"
              + " addTargetIds/removeTargetIds edit the current list and never conflict; topics"
              + " and targetIds replace it. "
              + ApiDocs.ID_IN_PATH,
      parameters =
          @Parameter(
              in = ParameterIn.HEADER,
              name = Headers.IF_MATCH,
              description =
                  "The version (ETag) the correction was made on, e.g. \"3\". 409 naming the"
                      + " field when a field it replaces was corrected since; other changes"
                      + " merge.",
              schema = @Schema(type = "string", example = "\"3\"")),
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = CorrectStatement.class))))
  @ApiResponse(
      responseCode = "200",
      description = ApiDocs.DONE,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> correct(@PathVariable String id, HttpServletRequest request) {
    return requests.follow(CorrectStatement.class, id, request);
  }

  @PostMapping("/{id}/retraction")
  @Operation(
      summary = "Retract a statement",
      description = "The history is kept. " + ApiDocs.ID_IN_PATH,
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = RetractStatement.class))))
  @ApiResponse(
      responseCode = "200",
      description = ApiDocs.DONE,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> retract(@PathVariable String id, HttpServletRequest request) {
    return requests.follow(RetractStatement.class, id, request);
  }

  @PostMapping("/{id}/translations")
  @Operation(
      summary = "Add a translation of a statement's original text",
      description = ApiDocs.ID_IN_PATH,
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = AddTranslation.class))))
  @ApiResponse(
      responseCode = "200",
      description = ApiDocs.DONE,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> addTranslation(
      @PathVariable String id, HttpServletRequest request) {
    return requests.follow(AddTranslation.class, id, request);
  }

  @PostMapping("/{id}/sources")
  @Operation(
      summary = "Cite one more source for a statement",
      description =
          "The citation needs a grade, and an excerpt when its source has text (a text-less,"
              + " URL-only source may be cited without). "
              + ApiDocs.ID_IN_PATH,
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = CiteSource.class))))
  @ApiResponse(
      responseCode = "200",
      description = ApiDocs.DONE,
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  ResponseEntity<CommandAccepted> citeSource(@PathVariable String id, HttpServletRequest request) {
    return requests.follow(CiteSource.class, id, request);
  }
}
