package org.entente.timeline.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.entente.json.EntenteJson;
import org.entente.timeline.web.BadQueryParameterException;

/**
 * The opaque {@code cursor} of a timeline page: base64url JSON of the snapshot the first page read
 * and the keyset position (event time, entry id) of the last entry returned.
 */
public record TimelineCursor(long p, Instant a, Instant t, String i) {

  private static final ObjectMapper JSON = EntenteJson.newObjectMapper();

  public static TimelineCursor of(Snapshot snapshot, After after) {
    return new TimelineCursor(
        snapshot.position(), snapshot.asOf(), after.eventTime(), after.entryId());
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
