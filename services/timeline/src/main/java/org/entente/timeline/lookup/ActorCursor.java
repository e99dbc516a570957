package org.entente.timeline.lookup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.entente.json.EntenteJson;
import org.entente.timeline.timeline.Snapshot;
import org.entente.timeline.web.BadQueryParameterException;

/**
 * Where the next page of an actor search starts: after the last (lower-cased name, id) of the
 * previous page, in the snapshot of the first page, for the same search. Opaque to clients
 * (base64url JSON).
 */
record ActorCursor(long position, Instant asOf, String q, String kind, After after) {

  private static final ObjectMapper JSON = EntenteJson.newObjectMapper();

  /** The last actor of a page. */
  record After(String name, String id) {}

  Snapshot snapshot() {
    return new Snapshot(position, asOf);
  }

  String encode() {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ActorCursor decode(String text) {
    try {
      ActorCursor cursor =
          JSON.readValue(Base64.getUrlDecoder().decode(text.strip()), ActorCursor.class);
      if (cursor.after() == null || cursor.after().name() == null || cursor.after().id() == null) {
        throw new IllegalArgumentException("incomplete");
      }
      return cursor;
    } catch (IOException | IllegalArgumentException e) {
      throw new BadQueryParameterException("cursor", "is not a cursor this search handed out");
    }
  }

  /** A cursor continues the search it was issued for; any other combination is refused. */
  void requireIssuedFor(String q, String kind, Instant asOf) {
    if (!Objects.equals(this.q, q)
        || !Objects.equals(this.kind, kind)
        || !Objects.equals(this.asOf, asOf)) {
      throw new BadQueryParameterException(
          "cursor", "was issued for another search: send the same q, kind and asOf");
    }
  }
}
