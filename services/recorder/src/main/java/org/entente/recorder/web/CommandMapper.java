package org.entente.recorder.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one mapping from a JSON body (plus the ids taken from the request path) to a command record,
 * used by the HTTP endpoints and the NDJSON import alike. Bodies are read with the one {@link
 * ObjectMapper}: unknown properties are refused, and every failure names the JSON path. A command
 * holding values no view can store ({@link CommandLimits}) is refused here, before any lookup.
 */
@Component
public class CommandMapper {

  static final String MUST_NOT_BE_NULL = "must not be null";

  private final ObjectMapper json;
  private final ObjectReader strictTreeReader;

  public CommandMapper(ObjectMapper json) {
    this.json = json;
    this.strictTreeReader =
        json.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** Parses a JSON document; a syntax error is a 400 naming where the parser stopped. */
  public JsonNode parse(byte[] document) {
    try {
      return orMissing(strictTreeReader.readTree(document));
    } catch (JsonProcessingException e) {
      throw invalid(e);
    } catch (IOException e) {
      throw InvalidRequestException.of(JsonProblems.WHOLE_BODY, "unreadable: " + e.getMessage());
    }
  }

  public JsonNode parse(String document) {
    try {
      return orMissing(strictTreeReader.readTree(document));
    } catch (JsonProcessingException e) {
      throw invalid(e);
    }
  }

  /**
   * Builds the command: {@code pathId} (from the URL, may be null) becomes the aggregate id, a
   * creating command without an id gets a random UUID, and {@code expectedVersion} (from If-Match,
   * may be null) fills the command's version field.
   */
  public Object toCommand(CommandSpec spec, JsonNode body, String pathId, Long expectedVersion) {
    if (body == null || body.isMissingNode() || !body.isObject()) {
      throw InvalidRequestException.of(
          JsonProblems.WHOLE_BODY, "must be a JSON object with the fields of " + spec.name());
    }
    ObjectNode fields = ((ObjectNode) body).deepCopy();
    if (pathId != null) {
      JsonNode given = fields.get(spec.idField());
      if (given != null && !given.isNull() && !pathId.equals(given.asText())) {
        throw InvalidRequestException.of(
            spec.idField(), "must be left out or equal the id in the path ('" + pathId + "')");
      }
      fields.put(spec.idField(), pathId);
    } else if (spec.creates() && isAbsent(fields.get(spec.idField()))) {
      fields.put(spec.idField(), UUID.randomUUID().toString());
    }
    if (expectedVersion != null) {
      String versionField =
          spec.versionField()
              .orElseThrow(
                  () ->
                      InvalidRequestException.of(
                          Headers.IF_MATCH,
                          spec.name() + " does not take an expected version; leave If-Match out"));
      JsonNode given = fields.get(versionField);
      if (!isAbsent(given) && (!given.canConvertToLong() || given.asLong() != expectedVersion)) {
        throw InvalidRequestException.of(
            versionField,
            "must be left out or equal the If-Match version (" + expectedVersion + ")");
      }
      fields.put(versionField, expectedVersion);
    }
    NullEntries.firstInArrays(fields)
        .ifPresent(
            at -> {
              throw InvalidRequestException.of(at, MUST_NOT_BE_NULL);
            });
    Object command;
    try {
      command = json.treeToValue(fields, spec.type());
    } catch (ValueInstantiationException e) {
      throw nullEntryOr(e, fields);
    } catch (JsonProcessingException e) {
      throw invalid(e);
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of(JsonProblems.WHOLE_BODY, "invalid value: " + e.getMessage());
    }
    List<FieldProblem> beyondLimits = CommandLimits.check(command);
    if (!beyondLimits.isEmpty()) {
      throw new InvalidValuesException(beyondLimits);
    }
    return command;
  }

  /** A record constructor that failed on a null names the null entry, never the exception. */
  private static InvalidRequestException nullEntryOr(
      ValueInstantiationException e, JsonNode fields) {
    if (e.getCause() instanceof NullPointerException) {
      String path = JsonProblems.path(e.getPath());
      JsonNode record = path.isEmpty() ? fields : fields.at(pointer(e));
      return InvalidRequestException.of(
          NullEntries.firstInNestedObjects(record, path)
              .orElse(path.isEmpty() ? JsonProblems.WHOLE_BODY : path),
          MUST_NOT_BE_NULL);
    }
    return invalid(e);
  }

  private static JsonPointer pointer(JsonMappingException e) {
    JsonPointer pointer = JsonPointer.empty();
    for (JsonMappingException.Reference reference : e.getPath()) {
      pointer =
          reference.getFieldName() != null
              ? pointer.appendProperty(reference.getFieldName())
              : pointer.appendIndex(reference.getIndex());
    }
    return pointer;
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull();
  }

  private static JsonNode orMissing(JsonNode node) {
    return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
  }

  private static InvalidRequestException invalid(JsonProcessingException e) {
    FieldProblem problem = JsonProblems.of(e);
    return new InvalidRequestException(problem.field() + ": " + problem.reason(), List.of(problem));
  }
}
