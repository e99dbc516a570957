package org.entente.timeline.lookup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.entente.api.actor.ActorKind;
import org.entente.timeline.timeline.EntryType;
import org.entente.timeline.web.BadQueryParameterException;
import org.entente.timeline.web.QueryParameters;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fact store's own read API: find actors, read an actor, diplomatic event, statement or source
 * by id, as known now or at {@code asOf}. The recorder answers POST on the same paths; these are
 * the GETs.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Lookup", description = "Actors, diplomatic events, statements and sources by id")
public class LookupController {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 200;
  static final int MAX_QUERY_LENGTH = 200;

  private static final String AS_OF =
      "Record time: the state as known at this instant (ISO-8601, or a date for its start in"
          + " UTC). Default: now.";

  private final LookupService lookups;

  public LookupController(LookupService lookups) {
    this.lookups = lookups;
  }

  @GetMapping("/actors")
  @Operation(
      summary = "Find actors by name, alias, external id or kind",
      description =
          "Case-insensitive substring match of q on the name, the aliases and the external ids;"
              + " pages in (lower-cased name, id) order.")
  @ApiResponse(responseCode = "200", description = "One page of actors")
  @ApiResponse(
      responseCode = "400",
      description = "A bad q, kind, asOf, limit or cursor (named in errors[].field)",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDetail.class)))
  public ActorPage findActors(
      @Parameter(description = "Text to find in the name, an alias or an external id")
          @RequestParam(required = false)
          String q,
      @Parameter(description = "state, alliance, organisation, person, …")
          @RequestParam(required = false)
          String kind,
      @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
      @Parameter(description = "Page size, 1–" + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")")
          @RequestParam(required = false)
          Integer limit,
      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false)
          String cursor) {
    String text = text(q);
    ActorKind actorKind = QueryParameters.enumValue("kind", kind, ActorKind.class);
    Instant asOfInstant = QueryParameters.instant("asOf", asOf);
    int size = limit(limit);
    ActorCursor position = null;
    if (cursor != null && !cursor.isBlank()) {
      position = ActorCursor.decode(cursor);
      position.requireIssuedFor(text, actorKind == null ? null : actorKind.name(), asOfInstant);
    }
    return lookups.findActors(text, actorKind, asOfInstant, position, size);
  }

  @GetMapping("/actors/{id}")
  @Operation(
      summary = "Read an actor",
      description =
          "Kind, name, aliases, external ids, roles held and held at it, memberships and members"
              + " (each with its period), the facts in record order, and links to its stream and"
              + " timelines.")
  @ApiResponse(responseCode = "200", description = "The actor as known at asOf")
  @ApiResponse(
      responseCode = "404",
      description = "No actor with this id is on record (at asOf)",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDetail.class)))
  public ActorView actor(
      @PathVariable String id,
      @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
    return lookups.actor(id, QueryParameters.instant("asOf", asOf));
  }

  @GetMapping("/statements/{id}")
  @Operation(
      summary = "Read a statement",
      description = "Its current state, every version with its record-time interval, and links.")
  @ApiResponse(responseCode = "200", description = "The statement as known at asOf")
  @ApiResponse(
      responseCode = "404",
      description = "No statement with this id is on record (at asOf)",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDetail.class)))
  public EntryView statement(
      @PathVariable String id,
      @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
    return lookups.entry(id, EntryType.STATEMENT, QueryParameters.instant("asOf", asOf));
  }

  @GetMapping("/events/{id}")
  @Operation(
      summary = "Read a diplomatic event",
      description = "Its current state, every version with its record-time interval, and links.")
  @ApiResponse(responseCode = "200", description = "The diplomatic event as known at asOf")
  @ApiResponse(
      responseCode = "404",
      description = "No diplomatic event with this id is on record (at asOf)",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDetail.class)))
  public EntryView event(
      @PathVariable String id,
      @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
    return lookups.entry(id, EntryType.EVENT, QueryParameters.instant("asOf", asOf));
  }

  @GetMapping("/sources/{id}")
  @Operation(summary = "Read a source", description = "Its registration and links.")
  @ApiResponse(responseCode = "200", description = "The source as known at asOf")
  @ApiResponse(
      responseCode = "404",
      description = "No source with this id is on record (at asOf)",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDetail.class)))
  public SourceView source(
      @PathVariable String id,
      @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
    return lookups.source(id, QueryParameters.instant("asOf", asOf));
  }

  /** The search text: stripped, null when blank; no control characters, bounded length. */
  static String text(String q) {
    if (q == null || q.isBlank()) {
      return null;
    }
    String text = q.strip();
    if (text.length() > MAX_QUERY_LENGTH) {
      throw new BadQueryParameterException(
          "q", "must be at most " + MAX_QUERY_LENGTH + " characters");
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new BadQueryParameterException("q", "must not contain control characters");
    }
    return text;
  }

  private static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadQueryParameterException(
          "limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    return limit;
  }
}
