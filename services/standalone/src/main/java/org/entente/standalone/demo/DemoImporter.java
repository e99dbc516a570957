package org.entente.standalone.demo;

import java.io.Reader;

/** Sends the commands of an NDJSON dataset to the recorder, one line at a time. */
public interface DemoImporter {

  ImportSummary importDataset(Reader ndjson, String recordedBy);
}
