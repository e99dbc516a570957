package org.entente.standalone.demo;

import java.io.Reader;
import java.util.List;
import org.entente.recorder.importing.ImportLineResult;
import org.entente.recorder.importing.NdjsonImporter;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Imports the demo through the recorder's NDJSON importer, as {@code POST /api/import} does. */
@Component
class RecorderDemoImporter implements DemoImporter {

  private final NdjsonImporter importer;

  RecorderDemoImporter(NdjsonImporter importer) {
    this.importer = importer;
  }

  @Override
  public ImportSummary importDataset(Reader ndjson, String recordedBy) {
    org.entente.recorder.importing.ImportSummary summary =
        importer.importNdjson(ndjson, recordedBy);
    List<String> problems =
        summary.results().stream()
            .filter(result -> result.status() == ImportLineResult.Status.REJECTED)
            .map(RecorderDemoImporter::describe)
            .toList();
    return new ImportSummary(
        summary.results().size(),
        summary.created(),
        summary.duplicate(),
        summary.rejected(),
        problems);
  }

  private static String describe(ImportLineResult rejected) {
    ProblemDetail problem = rejected.problem();
    return "line %d (%s) rejected: %s %s%s"
        .formatted(
            rejected.line(),
            rejected.command(),
            problem == null ? "" : problem.getStatus(),
            problem == null ? "" : problem.getDetail(),
            problem == null || problem.getProperties() == null
                ? ""
                : " " + problem.getProperties());
  }
}
