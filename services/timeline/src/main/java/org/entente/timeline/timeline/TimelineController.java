package org.entente.timeline.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.entente.api.common.AttributionGrade;
import org.entente.api.event.EventKind;
import org.entente.timeline.config.TimelineProperties;
import org.entente.timeline.streaming.StreamingBulkhead;
import org.entente.timeline.web.BadQueryParameterException;
import org.entente.timeline.web.QueryParameters;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Timelines over HTTP: a JSON page with a cursor, or the whole (filtered) timeline streamed as CSV
 * or NDJSON when asked by {@code Accept} or {@code format}.
 */
@RestController
@RequestMapping("/api")
public class TimelineController {

  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
  static final MediaType CSV = MediaType.parseMediaType("text/csv");

  private static final String ACTOR_TIMELINE = "/actors/{id}/timeline";
  private static final String GROUP_TIMELINE = "/groups/{id}/timeline";

  private final TimelineService timelines;
  private final ObjectMapper json;
  private final TimelineProperties properties;
  private final StreamingBulkhead streams;

  public TimelineController(
      TimelineService timelines,
      ObjectMapper json,
      TimelineProperties properties,
      StreamingBulkhead streams) {
    this.timelines = timelines;
    this.json = json;
    this.properties = properties;
    this.streams = streams;
  }

  /**
   * An actor's timeline, or a group's: the entries of the group, of its members while they were
   * members, and of their officials. Both take the same parameters; the path picks the scope.
   */
  @GetMapping({ACTOR_TIMELINE, GROUP_TIMELINE})
  public ResponseEntity<StreamingResponseBody> timeline(
      HttpServletRequest request,
      @PathVariable String id,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) List<String> kinds,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String topic,
      @RequestParam(required = false) String minGrade,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    TimelineQuery.Scope scope = scope(request);
    // every parameter is checked before any work, also those an export does not use
    int pageLimit = limit(limit);
    MediaType type = exportType(format, accept);
    TimelineCursor position =
        cursor == null || cursor.isBlank() ? null : TimelineCursor.decode(cursor);
    Instant asOfInstant = QueryParameters.instant("asOf", asOf);
    Instant fromInstant = QueryParameters.instant("from", from);
    Instant toInstant = QueryParameters.instant("to", to);
    TimeBound toBound = null;
    if (toInstant != null) {
      // A bare date means the whole of that day.
      toBound =
          QueryParameters.isDate(to)
              ? new TimeBound(toInstant.plusSeconds(86_400), false)
              : new TimeBound(toInstant, true);
    }
    if (fromInstant != null
        && toBound != null
        && (toBound.inclusive()
            ? toBound.at().isBefore(fromInstant)
            : !toBound.at().isAfter(fromInstant))) {
      throw new BadQueryParameterException("to", "must not be before from");
    }
    TimelineQuery query =
        new TimelineQuery(
            scope,
            id,
            fromInstant == null ? null : new TimeBound(fromInstant, true),
            toBound,
            kinds(kinds),
            QueryParameters.enumValue("role", role, ActorRole.class),
            topic == null || topic.isBlank() ? null : topic.strip(),
            QueryParameters.enumValue("minGrade", minGrade, AttributionGrade.class),
            position == null ? null : position.after());
    if (position != null) {
      position.requireIssuedFor(query, asOfInstant);
    }
    Snapshot snapshot =
        position != null ? position.snapshot() : timelines.currentSnapshot(asOfInstant);
    if (NDJSON.equals(type) || CSV.equals(type)) {
      // a streamed answer starts before its first page is read: an unknown actor is a 404 first
      // (a JSON page checks it in the page's own snapshot)
      timelines.requireKnown(query);
    }
    if (NDJSON.equals(type)) {
      StreamingResponseBody body =
          streams.guard(
              out ->
                  timelines.forEach(
                      query,
                      snapshot,
                      properties.getPage().getExportPageSize(),
                      entry -> TimelineExport.ndjsonLine(json, entry, out)));
      return ResponseEntity.ok().contentType(NDJSON).body(body);
    }
    if (CSV.equals(type)) {
      StreamingResponseBody body =
          streams.guard(
              out -> {
                var writer =
                    new BufferedWriter(
                        new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                TimelineExport.csvHeader(writer);
                timelines.forEach(
                    query,
                    snapshot,
                    properties.getPage().getExportPageSize(),
                    entry -> TimelineExport.csvRow(entry, writer));
                writer.flush();
              });
      return ResponseEntity.ok()
          .contentType(new MediaType(CSV, StandardCharsets.UTF_8))
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              "attachment; filename=\"timeline-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
          .body(body);
    }
    // The page is read before the answer starts, so a failure is still a problem document.
    TimelinePage page = timelines.page(query, snapshot, pageLimit);
    StreamingResponseBody body = out -> json.writeValue(out, page);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /** Which of the two mappings matched (the pattern includes the controller's /api prefix). */
  private static TimelineQuery.Scope scope(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return pattern != null && pattern.toString().endsWith(GROUP_TIMELINE)
        ? TimelineQuery.Scope.GROUP
        : TimelineQuery.Scope.ACTOR;
  }

  private int limit(Integer limit) {
    TimelineProperties.Page page = properties.getPage();
    if (limit == null) {
      return page.getDefaultLimit();
    }
    if (limit < 1 || limit > page.getMaxLimit()) {
      throw new BadQueryParameterException(
          "limit", "must be between 1 and " + page.getMaxLimit() + ", was " + limit);
    }
    return limit;
  }

  private static Set<String> kinds(List<String> kinds) {
    Set<String> values = QueryParameters.upperCaseList(kinds);
    for (String kind : values) {
      try {
        EventKind.valueOf(kind);
      } catch (IllegalArgumentException e) {
        throw new BadQueryParameterException(
            "kinds",
            "'"
                + kind.toLowerCase(Locale.ROOT)
                + "' is not one of "
                + QueryParameters.names(EventKind.values())
                + " (statement also selects recorded statements)");
      }
    }
    return values;
  }

  /** CSV or NDJSON when asked for by {@code format} or the Accept header; null for a JSON page. */
  private static MediaType exportType(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> CSV;
        case "ndjson" -> NDJSON;
        case "json" -> null;
        default -> throw new BadQueryParameterException("format", "must be json, csv or ndjson");
      };
    }
    if (accept != null) {
      List<MediaType> accepted;
      try {
        accepted = MediaType.parseMediaTypes(accept);
      } catch (InvalidMediaTypeException e) {
        return null;
      }
      MediaType.sortBySpecificityAndQuality(accepted);
      for (MediaType wanted : accepted) {
        if (wanted.isWildcardType() || wanted.isWildcardSubtype()) {
          continue;
        }
        if (wanted.isCompatibleWith(CSV)) {
          return CSV;
        }
        if (wanted.isCompatibleWith(NDJSON)) {
          return NDJSON;
        }
        if (wanted.isCompatibleWith(MediaType.APPLICATION_JSON)) {
          return null;
        }
      }
    }
    return null;
  }
}
