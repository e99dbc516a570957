package org.entente.recorder.importing;

import java.util.List;

/** How an import went: counts per outcome and the answer to every command line, in order. */
public record ImportSummary(
    int created, int duplicate, int rejected, List<ImportLineResult> results) {

  public ImportSummary {
    results = List.copyOf(results);
  }

  static ImportSummary of(List<ImportLineResult> results) {
    return new ImportSummary(
        count(results, ImportLineResult.Status.CREATED),
        count(results, ImportLineResult.Status.DUPLICATE),
        count(results, ImportLineResult.Status.REJECTED),
        results);
  }

  private static int count(List<ImportLineResult> results, ImportLineResult.Status status) {
    return (int) results.stream().filter(result -> result.status() == status).count();
  }
}
