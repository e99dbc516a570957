package org.entente.timeline.timeline;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where streaming processors stand in the global event order, read from the token store (so it
 * holds whichever node owns the segments) and the event store's head.
 */
@Component
public class ProcessorPositions {

  /** No event handled (or none stored) yet. */
  public static final long NONE = -1;

  private final JdbcTemplate jdbc;
  private final Serializer serializer;
  private final TokenSchema tokens;
  private final EventSchema events;

  public ProcessorPositions(
      JdbcTemplate jdbc, Serializer serializer, TokenSchema tokens, EventSchema events) {
    this.jdbc = jdbc;
    this.serializer = serializer;
    this.tokens = tokens;
    this.events = events;
  }

  /** The global index of the newest stored event, or {@link #NONE}. */
  public long head() {
    Long head =
        jdbc.queryForObject(
            "select max(" + events.globalIndexColumn() + ") from " + events.domainEventTable(),
            Long.class);
    return head == null ? NONE : head;
  }

  /** The position of each segment of a processor's token. */
  public List<Long> segmentPositions(String processorName) {
    return jdbc.query(
        "select "
            + tokens.tokenColumn()
            + ", "
            + tokens.tokenTypeColumn()
            + " from "
            + tokens.tokenTable()
            + " where "
            + tokens.processorNameColumn()
            + " = ? order by "
            + tokens.segmentColumn(),
        (rs, n) -> position(rs.getBytes(1), rs.getString(2)),
        processorName);
  }

  /**
   * The position up to which every segment of the processor has handled the stream: the lowest
   * segment position, or {@link #NONE} if it has no token yet. A query pinned to this position sees
   * the same rows whenever it is repeated.
   */
  public long safePosition(String processorName) {
    return segmentPositions(processorName).stream().mapToLong(Long::longValue).min().orElse(NONE);
  }

  /** The furthest position any segment of the processor reached. */
  public long reachedPosition(String processorName) {
    return segmentPositions(processorName).stream().mapToLong(Long::longValue).max().orElse(NONE);
  }

  private long position(byte[] bytes, String type) {
    if (bytes == null || type == null) {
      return NONE;
    }
    TrackingToken token =
        serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    return position(token);
  }

  static long position(TrackingToken token) {
    if (token instanceof ReplayToken replay) {
      return position(replay.getCurrentToken());
    }
    if (token instanceof GapAwareTrackingToken gapAware) {
      return gapAware.getIndex();
    }
    return token == null ? NONE : token.position().orElse(NONE);
  }
}
