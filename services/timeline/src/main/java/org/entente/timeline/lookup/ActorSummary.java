package org.entente.timeline.lookup;

import java.util.List;
import java.util.Map;

/** An actor found by a search. */
public record ActorSummary(
    String id,
    String kind,
    String name,
    List<String> aliases,
    Map<String, String> externalIds,
    Links links) {

  /** The actor itself and its timeline. */
  public record Links(String self, String timeline) {}
}
