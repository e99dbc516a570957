package org.entente.standalone.demo;

/** What a start of the application did with the demo dataset. */
public sealed interface DemoOutcome {

  /** The dataset was imported now; {@code complete} when every line was stored. */
  record Loaded(ImportSummary summary, boolean complete) implements DemoOutcome {}

  /** An earlier start loaded it completely; nothing was sent. */
  record AlreadyLoaded(DemoLoadRecord earlier) implements DemoOutcome {}
}
