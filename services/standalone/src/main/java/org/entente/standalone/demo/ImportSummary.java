package org.entente.standalone.demo;

import java.util.List;

/**
 * What an import did, line by line summed up.
 *
 * @param lines command lines read (blank lines are not counted)
 * @param created lines whose command stored events now
 * @param replayed lines answered from an earlier import with the same idempotency key
 * @param rejected lines rejected, each described in {@code problems}
 */
public record ImportSummary(
    int lines, int created, int replayed, int rejected, List<String> problems) {

  public ImportSummary {
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  public boolean complete() {
    return rejected == 0 && created + replayed == lines;
  }
}
