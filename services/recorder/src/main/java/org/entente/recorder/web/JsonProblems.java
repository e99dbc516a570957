package org.entente.recorder.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns Jackson's failures into a field path and a reason a client can act on: {@code
 * citations[0].grade: 'QUOTE' is not one of [DIRECT_QUOTE, …]}. The path is {@code body} when the
 * failure concerns the body as a whole.
 */
final class JsonProblems {

  static final String WHOLE_BODY = "body";

  private JsonProblems() {}

  static FieldProblem of(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping) {
      String path = path(mapping.getPath());
      return new FieldProblem(path.isEmpty() ? WHOLE_BODY : path, reason(mapping));
    }
    // a syntax error: the parser knows where it was
    String where = "";
    if (e.getProcessor() instanceof JsonParser parser) {
      where = path(parser.getParsingContext());
    }
    return new FieldProblem(
        where.isEmpty() ? WHOLE_BODY : where,
        "malformed JSON: " + e.getOriginalMessage() + location(e.getLocation()));
  }

  private static String reason(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown property; known properties are "
          + unknown.getKnownPropertyIds().stream()
              .map(String::valueOf)
              .sorted()
              .collect(Collectors.joining(", ", "[", "]"));
    }
    if (e instanceof InvalidFormatException format) {
      Class<?> target = format.getTargetType();
      if (target != null && target.isEnum()) {
        return "'"
            + format.getValue()
            + "' is not one of "
            + Arrays.toString(target.getEnumConstants());
      }
      return "cannot read '" + format.getValue() + "' as " + typeName(target) + hint(target);
    }
    if (e instanceof ValueInstantiationException instantiation) {
      Throwable cause = instantiation.getCause();
      return "invalid value: "
          + (cause != null && cause.getMessage() != null
              ? cause.getMessage()
              : e.getOriginalMessage());
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      Class<?> target = mismatch.getTargetType();
      return "expected " + typeName(target) + hint(target) + " (" + firstLine(e) + ")";
    }
    return firstLine(e);
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "a value";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a JSON object";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    return type.getSimpleName();
  }

  private static String hint(Class<?> type) {
    if (type == null) {
      return "";
    }
    return switch (type.getSimpleName()) {
      case "Instant" -> " (ISO-8601 instant, e.g. 2025-02-12T09:00:00Z)";
      case "LocalDate" -> " (ISO-8601 date, e.g. 2025-02-12)";
      default -> "";
    };
  }

  private static String firstLine(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String location(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** {@code a.b[2].c} from Jackson's reference chain; empty for the root. */
  static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String path(JsonStreamContext context) {
    Deque<String> segments = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        segments.addFirst("." + c.getCurrentName());
      } else if (c.inArray()) {
        segments.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      }
    }
    String path = String.join("", segments);
    return path.startsWith(".") ? path.substring(1) : path;
  }
}
