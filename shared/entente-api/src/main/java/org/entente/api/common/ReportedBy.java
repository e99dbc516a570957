package org.entente.api.common;

/**
 * One link of a reported-by chain: from whom the cited source (or the link before) had the words.
 * Name what is known: a registered {@code sourceId} (another outlet's report that was relayed), a
 * registered {@code actorId} (a spokesperson, a named official), and/or a {@code description} in
 * the source's words. A link with a description only is anonymous, such as "NAVO-bronnen" (NATO
 * sources).
 */
public record ReportedBy(String sourceId, String actorId, String description) {

  /** An anonymous link: only the source's description of it is known. */
  public static ReportedBy anonymous(String description) {
    return new ReportedBy(null, null, description);
  }
}
