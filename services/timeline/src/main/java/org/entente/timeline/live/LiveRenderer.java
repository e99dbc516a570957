package org.entente.timeline.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.entente.timeline.cohesion.CohesionPoints;
import org.entente.timeline.timeline.TimelineEntry;
import org.entente.timeline.timeline.TimelineQueries;
import org.springframework.stereotype.Component;

/**
 * Turns page rows into the messages of one timeline or cohesion stream: timeline entries in the
 * JSON of timeline pages (id: the row's position), or the group's cohesion points of the days the
 * rows fall on (one message, id: the last row's position), through the cohesion service.
 */
@Component
class LiveRenderer {

  private final TimelineQueries queries;
  private final CohesionPoints cohesion;
  private final ObjectMapper json;

  LiveRenderer(TimelineQueries queries, CohesionPoints cohesion, ObjectMapper json) {
    this.queries = queries;
    this.cohesion = cohesion;
    this.json = json;
  }

  /** The messages of {@code stream} for {@code ownerId} among {@code rows} (in key order). */
  List<LiveMessage> messages(LiveStream stream, String ownerId, List<PageRow> rows) {
    List<PageRow> mine = new ArrayList<>();
    for (PageRow row : rows) {
      if (row.ownerId().equals(ownerId)
          && switch (stream) {
            case ACTOR_TIMELINE -> row.firstOnActor();
            case GROUP_TIMELINE -> row.firstOnGroup();
            case COHESION -> true;
            case EVENTS -> false;
          }) {
        mine.add(row);
      }
    }
    if (mine.isEmpty()) {
      return List.of();
    }
    if (stream == LiveStream.COHESION) {
      Set<LocalDate> days = new TreeSet<>();
      mine.forEach(row -> days.add(row.day()));
      PageRow last = mine.get(mine.size() - 1);
      return List.of(
          new LiveMessage(
              last.key(),
              last.key().position(),
              write(cohesion.of(ownerId, days)),
              last.storedAt()));
    }
    Set<String> keys = new LinkedHashSet<>();
    mine.forEach(row -> keys.add(row.versionKey()));
    Map<String, TimelineEntry> entries =
        queries.versions(
            mine.get(0).slot(), keys, stream == LiveStream.ACTOR_TIMELINE ? ownerId : null);
    List<LiveMessage> messages = new ArrayList<>();
    for (PageRow row : mine) {
      TimelineEntry entry = entries.get(row.versionKey());
      if (entry != null) {
        messages.add(
            new LiveMessage(row.key(), row.key().position(), write(entry), row.storedAt()));
      }
    }
    return messages;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("live message not writable", e);
    }
  }
}
