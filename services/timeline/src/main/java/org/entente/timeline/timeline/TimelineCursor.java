package org.entente.timeline.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.entente.json.EntenteJson;
import org.entente.timeline.web.BadQueryParameterException;

/**
 * The opaque {@code cursor} of a timeline page: base64url JSON of the snapshot the first page read,
 * the keyset position (event time, entry id) of the last entry returned, and a fingerprint of the
 * query's timeline and filters ({@code f}), so a cursor is only accepted with the same parameters.
 */
public record TimelineCursor(long p, Instant a, Instant t, String i, String f) {

  private static final ObjectMapper JSON = EntenteJson.newObjectMapper();

  public static TimelineCursor of(Snapshot snapshot, After after, TimelineQuery query) {
    return new TimelineCursor(
        snapshot.position(),
        snapshot.asOf(),
        after.eventTime(),
        after.entryId(),
        query.fingerprint());
  }

  /**
   * Rejects (400, naming {@code cursor}) a cursor sent with another timeline, other filters or
   * another {@code asOf} than the page it came from: its keyset position and snapshot would
   * silently mean something else there.
   */
  public TimelineCursor requireIssuedFor(TimelineQuery query, Instant asOf) {
    // A cursor without a fingerprint predates it; it is taken as it is.
    boolean sameFilters = f == null || f.equals(query.fingerprint());
    if (!sameFilters || !Objects.equals(a, asOf)) {
      throw new BadQueryParameterException(
          "cursor",
          "was returned for another timeline, other filters or another asOf; send the parameters"
              + " of the first page again with it (limit and format may change)");
    }
    return this;
  }

  public Snapshot snapshot() {
    return new Snapshot(p, a);
  }

  public After after() {
    return new After(t, i);
  }

  public String encode() {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
    } catch (Exception e) {
      throw new IllegalStateException("cursor not writable", e);
    }
  }

  public static TimelineCursor decode(String encoded) {
    try {
      TimelineCursor cursor =
          JSON.readValue(
              new String(Base64.getUrlDecoder().decode(encoded.strip()), StandardCharsets.UTF_8),
              TimelineCursor.class);
      if (cursor.t() == null || cursor.i() == null) {
        throw new IllegalArgumentException("incomplete");
      }
      return cursor;
    } catch (Exception e) {
      throw new BadQueryParameterException(
          "cursor", "not a cursor returned by this service (use nextCursor as given)");
    }
  }

  /** The keyset position of the last entry on a page: entries sort by event time, then id. */
  public record After(Instant eventTime, String entryId) {}
}
