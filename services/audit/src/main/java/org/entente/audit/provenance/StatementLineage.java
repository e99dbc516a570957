package org.entente.audit.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.audit.head.TreeHeads;
import org.entente.audit.log.InclusionProofs;
import org.entente.verifier.SignedTreeHead;
import org.springframework.stereotype.Component;

/**
 * A statement's lineage, read from its stored events: each version with what changed and why, who
 * recorded it, when and by which command; every cited source with its text's hash recomputed and
 * each excerpt's quoted words checked against the stored text at its offsets; the diplomatic event
 * it was made at; and each event's place in the audit log with an inclusion proof against one
 * signed head.
 */
@Component
public class StatementLineage {

  private static final HexFormat HEX = HexFormat.of();

  private final RecordedEvents events;
  private final InclusionProofs proofs;
  private final TreeHeads heads;
  private final ObjectMapper json;

  StatementLineage(
      RecordedEvents events, InclusionProofs proofs, TreeHeads heads, ObjectMapper json) {
    this.events = events;
    this.proofs = proofs;
    this.heads = heads;
    this.json = json;
  }

  /** The lineage as known at {@code asOf} (null: now); empty if the statement was unknown then. */
  public Optional<ObjectNode> of(String statementId, Instant asOf) {
    List<ObjectNode> stream = events.of(statementId, asOf);
    if (stream.isEmpty() || !"Statement".equals(stream.get(0).path("aggregateType").asText())) {
      return Optional.empty();
    }
    SignedTreeHead head = heads.current();
    Map<String, ObjectNode> sources = new HashMap<>();
    ObjectNode answer = json.createObjectNode();
    answer.put("statementId", statementId);
    if (asOf != null) {
      answer.put("asOf", asOf.toString());
    }
    ObjectNode statement = json.createObjectNode();
    ArrayNode versions = json.createArrayNode();
    ArrayNode citations = json.createArrayNode();
    String status = "ACTIVE";
    for (ObjectNode event : stream) {
      String type = simpleName(event.path("type").asText());
      JsonNode payload = event.path("payload");
      ObjectNode version = versions.addObject();
      int number = event.path("sequence").asInt() + 1;
      version.put("version", number);
      version.put("kind", type);
      describe(event, version, head);
      switch (type) {
        case "StatementRecorded" -> {
          statement.setAll((ObjectNode) payload.deepCopy());
          statement.remove("citations");
          ArrayNode changed = version.putArray("changed");
          payload.fieldNames().forEachRemaining(changed::add);
          for (JsonNode citation : payload.path("citations")) {
            citations.add(citation(citation, number, asOf, head, sources));
          }
        }
        case "StatementCorrected" -> {
          version.set("changed", payload.path("changed").deepCopy());
          for (JsonNode field : payload.path("changed")) {
            statement.set(field.asText(), payload.path(field.asText()).deepCopy());
          }
        }
        case "StatementRetracted" -> status = "RETRACTED";
        case "TranslationAdded" -> {
          version.putArray("changed").add("translations");
          ArrayNode translations =
              statement.has("translations") && statement.get("translations").isArray()
                  ? (ArrayNode) statement.get("translations")
                  : statement.putArray("translations");
          translations.add(payload.path("translation").deepCopy());
        }
        case "SourceCited" -> {
          version.putArray("changed").add("citations");
          citations.add(citation(payload.path("citation"), number, asOf, head, sources));
        }
        default -> version.put("note", "an event type this lineage does not interpret");
      }
      if (payload.hasNonNull("reason")) {
        version.put("reason", payload.get("reason").asText());
      }
      version.set("payload", payload.deepCopy());
    }
    answer.put("status", status);
    answer.set("statement", statement);
    answer.set("versions", versions);
    answer.set("citations", citations);
    String eventId = statement.path("eventId").asText(null);
    if (eventId != null) {
      answer.set("diplomaticEvent", diplomaticEvent(eventId, asOf, head));
    }
    answer.set("head", head.toJson(json));
    return Optional.of(answer);
  }

  /** Who recorded the event, when, by which command, and its place in the log. */
  private void describe(ObjectNode event, ObjectNode into, SignedTreeHead head) {
    JsonNode metadata = event.path("metadata");
    into.put("position", event.path("position").asLong());
    into.put("eventId", event.path("eventId").asText());
    into.put("type", event.path("type").asText());
    into.put("recordedAt", metadata.path("recordedAt").asText(event.path("timestamp").asText()));
    into.put("storedAt", event.path("timestamp").asText());
    for (String key :
        List.of(
            "recordedBy",
            "commandId",
            "correlationId",
            "causationId",
            "idempotencyKey",
            "importFile",
            "importSha256")) {
      if (metadata.hasNonNull(key)) {
        into.put(key, metadata.get(key).asText());
      }
    }
    into.set(
        "log",
        proofs
            .forPosition(event.path("position").asLong(), head.treeSize())
            .<JsonNode>map(proof -> proof)
            .orElseGet(
                () ->
                    json.createObjectNode()
                        .put("pending", true)
                        .put("note", "not in the log's signed tree yet")));
  }

  private ObjectNode citation(
      JsonNode citation,
      int citedIn,
      Instant asOf,
      SignedTreeHead head,
      Map<String, ObjectNode> sources) {
    ObjectNode answer = json.createObjectNode();
    String sourceId = citation.path("sourceId").asText();
    answer.put("sourceId", sourceId);
    answer.put("citedInVersion", citedIn);
    answer.put("grade", citation.path("grade").asText());
    ObjectNode source =
        sources.computeIfAbsent(sourceId, id -> source(id, asOf, head).orElse(null));
    JsonNode excerpt = citation.path("excerpt");
    if (!excerpt.isMissingNode() && !excerpt.isNull()) {
      ObjectNode checked = answer.putObject("excerpt");
      int start = excerpt.path("start").asInt();
      int end = excerpt.path("end").asInt();
      checked.put("start", start);
      checked.put("end", end);
      checked.put("quote", excerpt.path("quote").asText(null));
      String text = source == null ? null : source.path("text").asText(null);
      if (text != null && 0 <= start && start <= end && end <= codePoints(text)) {
        String atOffsets = between(text, start, end);
        checked.put("textAtOffsets", atOffsets);
        checked.put(
            "quoteMatches",
            !excerpt.hasNonNull("quote") || atOffsets.equals(excerpt.get("quote").asText()));
      } else {
        checked.put("quoteMatches", false);
        checked.put(
            "note", source == null ? "the source is not recorded" : "offsets outside the text");
      }
    }
    if (source != null) {
      ObjectNode summary = source.deepCopy();
      summary.remove("text");
      answer.set("source", summary);
    }
    JsonNode chain = citation.path("reportedBy");
    if (chain.isArray() && !chain.isEmpty()) {
      answer.set("reportedBy", reportedBy(chain, asOf, head, sources));
    }
    return answer;
  }

  /**
   * The reported-by chain, nearest the cited source first: each link's registered source (its
   * publisher and hash check) or actor (its name), its description, and whether it is anonymous.
   */
  private ArrayNode reportedBy(
      JsonNode chain, Instant asOf, SignedTreeHead head, Map<String, ObjectNode> sources) {
    ArrayNode links = json.createArrayNode();
    for (JsonNode link : chain) {
      ObjectNode entry = links.addObject();
      String sourceId = link.path("sourceId").asText(null);
      String actorId = link.path("actorId").asText(null);
      if (sourceId != null) {
        entry.put("sourceId", sourceId);
        ObjectNode relayed =
            sources.computeIfAbsent(sourceId, id -> source(id, asOf, head).orElse(null));
        if (relayed != null) {
          ObjectNode summary = relayed.deepCopy();
          summary.remove("text");
          entry.set("source", summary);
        }
      }
      if (actorId != null) {
        entry.put("actorId", actorId);
        List<ObjectNode> actor = events.of(actorId, asOf);
        if (!actor.isEmpty() && actor.get(0).path("payload").hasNonNull("name")) {
          entry.put("actorName", actor.get(0).path("payload").get("name").asText());
        }
      }
      if (link.hasNonNull("description")) {
        entry.put("description", link.get("description").asText());
      }
      entry.put("anonymous", sourceId == null && actorId == null);
    }
    return links;
  }

  /** The source as recorded, with its text's SHA-256 recomputed and compared. */
  Optional<ObjectNode> source(String sourceId, Instant asOf, SignedTreeHead head) {
    List<ObjectNode> stream = events.of(sourceId, asOf);
    if (stream.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode registered = stream.get(0);
    JsonNode payload = registered.path("payload");
    ObjectNode source = json.createObjectNode();
    for (String field :
        List.of("sourceId", "publisher", "url", "title", "publishedAt", "language", "textSha256")) {
      if (payload.hasNonNull(field)) {
        source.set(field, payload.get(field));
      }
    }
    String text = payload.path("text").asText(null);
    source.put("hasText", text != null);
    if (text != null) {
      String recomputed = sha256(text);
      source.put("textSha256Recomputed", recomputed);
      source.put(
          "textSha256Matches", recomputed.equalsIgnoreCase(payload.path("textSha256").asText()));
      source.put("text", text);
    }
    ObjectNode recorded = source.putObject("recorded");
    describe(registered, recorded, head);
    return Optional.of(source);
  }

  private ObjectNode diplomaticEvent(String eventId, Instant asOf, SignedTreeHead head) {
    List<ObjectNode> stream = events.of(eventId, asOf);
    ObjectNode answer = json.createObjectNode();
    answer.put("eventId", eventId);
    if (stream.isEmpty()) {
      answer.put("note", "not recorded");
      return answer;
    }
    JsonNode first = stream.get(0).path("payload");
    for (String field : List.of("kind", "title", "time", "location", "status")) {
      if (first.hasNonNull(field)) {
        answer.set(field, first.get(field));
      }
    }
    ArrayNode history = answer.putArray("versions");
    for (ObjectNode event : stream) {
      ObjectNode version = history.addObject();
      version.put("kind", simpleName(event.path("type").asText()));
      describe(event, version, head);
    }
    return answer;
  }

  private static int codePoints(String text) {
    return text.codePointCount(0, text.length());
  }

  /** The text between two code-point offsets: excerpts count code points, not UTF-16 units. */
  static String between(String text, int start, int end) {
    int from = text.offsetByCodePoints(0, start);
    return text.substring(from, text.offsetByCodePoints(from, end - start));
  }

  static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static String sha256(String text) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
