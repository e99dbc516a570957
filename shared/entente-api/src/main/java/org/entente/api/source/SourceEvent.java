package org.entente.api.source;

/** Everything that can happen to a source's record. */
public sealed interface SourceEvent permits SourceRegistered {
  String sourceId();
}
