package org.entente.audit.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.entente.audit.head.TreeHeads;
import org.entente.audit.web.AuditProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lineage for auditors: a statement's provenance (as Entente JSON or W3C PROV-JSON) and everything
 * taken from a source.
 */
@RestController
@RequestMapping("/api")
public class ProvenanceController {

  private final StatementLineage lineage;
  private final RecordedEvents events;
  private final ProvJson prov;
  private final TreeHeads heads;
  private final ObjectMapper json;

  ProvenanceController(
      StatementLineage lineage,
      RecordedEvents events,
      ProvJson prov,
      TreeHeads heads,
      ObjectMapper json) {
    this.lineage = lineage;
    this.events = events;
    this.prov = prov;
    this.heads = heads;
    this.json = json;
  }

  /**
   * The statement's lineage; {@code asOf} (ISO-8601 instant) as recorded by then; {@code
   * format=prov-json} for W3C PROV-JSON.
   */
  @GetMapping("/statements/{id}/provenance")
  public ObjectNode provenance(
      @PathVariable String id,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String format) {
    if (format != null && !format.equals("prov-json") && !format.equals("entente")) {
      throw new AuditProblem(HttpStatus.BAD_REQUEST, "format", "is entente or prov-json");
    }
    ObjectNode answer =
        lineage
            .of(id, instant(asOf))
            .orElseThrow(
                () ->
                    new AuditProblem(
                        HttpStatus.NOT_FOUND,
                        "id",
                        "no statement " + id + (asOf == null ? "" : " recorded by " + asOf)));
    return "prov-json".equals(format) ? prov.of(answer) : answer;
  }

  /**
   * The source as recorded, with its full text and the text's SHA-256 recomputed from the stored
   * event and compared with the recorded one ({@code textSha256Matches}), who recorded it and the
   * registration's inclusion proof. {@code include=text} selects this answer; without it {@code GET
   * /api/sources/{id}} is the read side's summary.
   */
  @GetMapping(value = "/sources/{id}", params = "include")
  public ObjectNode sourceWithText(
      @PathVariable String id,
      @RequestParam String include,
      @RequestParam(required = false) String asOf) {
    if (!include.equals("text")) {
      throw new AuditProblem(HttpStatus.BAD_REQUEST, "include", "is text");
    }
    ObjectNode source =
        lineage
            .source(id, instant(asOf), heads.current())
            .orElseThrow(
                () ->
                    new AuditProblem(
                        HttpStatus.NOT_FOUND,
                        "id",
                        "no source " + id + (asOf == null ? "" : " recorded by " + asOf)));
    if (!source.has("text")) {
      source.putNull("text");
      source.put("note", "registered without text: there is nothing to re-verify");
    }
    if (asOf != null) {
      source.put("asOf", asOf);
    }
    source
        .putObject("links")
        .put("statements", "/api/sources/" + id + "/statements")
        .put("summary", "/api/sources/" + id);
    return source;
  }

  /** Every statement citing the source, with the citations taken from it checked. */
  @GetMapping("/sources/{id}/statements")
  public ObjectNode statementsOf(
      @PathVariable String id, @RequestParam(required = false) String asOf) {
    Instant at = instant(asOf);
    ObjectNode answer = json.createObjectNode();
    ObjectNode source =
        lineage
            .source(id, at, heads.current())
            .orElseThrow(() -> new AuditProblem(HttpStatus.NOT_FOUND, "id", "no source " + id));
    source.remove("text");
    answer.set("source", source);
    ArrayNode statements = answer.putArray("statements");
    for (String statementId : events.statementsCiting(id)) {
      lineage
          .of(statementId, at)
          .ifPresent(
              found -> {
                ObjectNode entry = statements.addObject();
                entry.put("statementId", statementId);
                entry.put("status", found.path("status").asText());
                entry.set("speakerId", found.path("statement").path("speakerId"));
                entry.set("stance", found.path("statement").path("stance"));
                ArrayNode citations = entry.putArray("citations");
                for (JsonNode citation : found.path("citations")) {
                  if (citation.path("sourceId").asText().equals(id)) {
                    ObjectNode copy = citation.deepCopy();
                    copy.remove("source");
                    citations.add(copy);
                  }
                }
              });
    }
    return answer;
  }

  private static Instant instant(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new AuditProblem(
          HttpStatus.BAD_REQUEST, "asOf", "is not an ISO-8601 instant: " + value);
    }
  }
}
