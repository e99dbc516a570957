package org.entente.standalone.demo;

import org.entente.recorder.importing.ImportSummary;

/** What a start of the application did with the demo dataset. */
public sealed interface DemoOutcome {

  /**
   * The dataset was imported now, with the importer's answer to every line; {@code complete} when
   * no line was rejected (and the load is marked done).
   */
  record Loaded(ImportSummary summary, boolean complete) implements DemoOutcome {}

  /** An earlier start loaded it completely; nothing was sent. */
  record AlreadyLoaded(DemoLoadRecord earlier) implements DemoOutcome {}
}
