package org.entente.timeline.live;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.entente.api.actor.ActorKind;
import org.entente.timeline.timeline.TimelineQueries;
import org.entente.timeline.timeline.TimelineSlots;
import org.entente.timeline.web.BadQueryParameterException;
import org.entente.timeline.web.QueryParameters;
import org.entente.timeline.web.UnknownResourceException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates as Server-Sent Events. Each message's {@code id} is its position (an event's global
 * index; a timeline or cohesion message's page-row position); reconnect with the {@code
 * Last-Event-ID} header (or {@code ?lastEventId=}) to get exactly what was missed, then live.
 */
@RestController
@RequestMapping("/api/live")
class LiveController {

  private final LiveHub hub;
  private final TimelineQueries queries;
  private final TimelineSlots slots;

  LiveController(LiveHub hub, TimelineQueries queries, TimelineSlots slots) {
    this.hub = hub;
    this.queries = queries;
    this.slots = slots;
  }

  /**
   * Stored events in the history's JSON; filters: type (repeatable or comma-separated), actor,
   * group.
   */
  @GetMapping("/events")
  SseEmitter events(
      @RequestParam(required = false) List<String> type,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String group,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
      @RequestParam(required = false) String lastEventId) {
    Set<String> types = new LinkedHashSet<>();
    if (type != null) {
      type.stream()
          .flatMap(t -> Arrays.stream(t.split(",")))
          .map(String::strip)
          .filter(t -> !t.isEmpty())
          .forEach(t -> types.add(QueryParameters.typeName("type", t)));
    }
    Long resume = lastEventId(lastEventIdHeader, lastEventId);
    return hub.open(
        new LiveSubscription(
            LiveStream.EVENTS,
            null,
            new EventFilter(types, blankToNull(actor), blankToNull(group))),
        resume);
  }

  /** Entries (as on timeline pages) as they appear on the actor's timeline. */
  @GetMapping("/actors/{id}/timeline")
  SseEmitter actorTimeline(
      @PathVariable String id,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
      @RequestParam(required = false) String lastEventId) {
    Long resume = lastEventId(lastEventIdHeader, lastEventId);
    requireKnown(id, false);
    return hub.open(new LiveSubscription(LiveStream.ACTOR_TIMELINE, id, null), resume);
  }

  /** Entries (as on timeline pages) as they appear on the group's timeline. */
  @GetMapping("/groups/{id}/timeline")
  SseEmitter groupTimeline(
      @PathVariable String id,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
      @RequestParam(required = false) String lastEventId) {
    Long resume = lastEventId(lastEventIdHeader, lastEventId);
    requireKnown(id, true);
    return hub.open(new LiveSubscription(LiveStream.GROUP_TIMELINE, id, null), resume);
  }

  /**
   * The group's cohesion points (default parameters, daily) of the days its timeline changed on.
   */
  @GetMapping("/groups/{id}/cohesion")
  SseEmitter cohesion(
      @PathVariable String id,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
      @RequestParam(required = false) String lastEventId) {
    Long resume = lastEventId(lastEventIdHeader, lastEventId);
    requireKnown(id, true);
    return hub.open(new LiveSubscription(LiveStream.COHESION, id, null), resume);
  }

  private void requireKnown(String id, boolean group) {
    String kind =
        queries
            .actorKind(slots.readLive(), id)
            .orElseThrow(() -> new UnknownResourceException("id", id, group ? "group" : "actor"));
    if (group && ActorKind.PERSON.name().equals(kind)) {
      throw new UnknownResourceException("id", id, "group");
    }
  }

  /** The header wins over the parameter (a browser's EventSource sends the header on reconnect). */
  private static Long lastEventId(String header, String parameter) {
    String name = header != null && !header.isBlank() ? "Last-Event-ID" : "lastEventId";
    String value = header != null && !header.isBlank() ? header : parameter;
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(value.strip());
      if (id < 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw new BadQueryParameterException(name, "must be the id of a message (0 or more)");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
