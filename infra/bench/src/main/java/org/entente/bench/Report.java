package org.entente.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's figures, each beside its baseline, written as Markdown, JSON and a PNG plot. */
public final class Report {

  /**
   * A measured figure and its same-run baseline. For rates the ratio is service ÷ baseline (1.0 =
   * as fast as the raw database); for latencies it is service p99 ÷ baseline p99 (1.0 = as fast).
   */
  public record Figure(
      String name,
      String measured,
      String baselineName,
      String baseline,
      Double ratio,
      Map<String, Object> numbers) {}

  /** A target of the issue and whether this run met it ({@code null}: not measured or n/a). */
  public record Target(String name, String target, String measured, Boolean met, String note) {}

  private final Map<String, Object> run = new LinkedHashMap<>();
  private final List<Figure> figures = new ArrayList<>();
  private final List<Target> targets = new ArrayList<>();
  private final Map<String, String> plans = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  public void run(String key, Object value) {
    run.put(key, value);
  }

  public void figure(Figure figure) {
    figures.add(figure);
    System.out.printf(
        "[bench] %-52s %-40s | %-34s %-28s | ratio %s%n",
        figure.name(),
        figure.measured(),
        figure.baselineName() == null ? "" : figure.baselineName(),
        figure.baseline() == null ? "" : figure.baseline(),
        figure.ratio() == null ? "-" : String.format("%.3f", figure.ratio()));
  }

  public void target(Target target) {
    targets.add(target);
  }

  public void plan(String name, String plan) {
    plans.put(name, plan);
  }

  public void note(String note) {
    notes.add(note);
    System.out.println("[bench] note: " + note);
  }

  public List<Figure> figures() {
    return figures;
  }

  public List<Target> targets() {
    return targets;
  }

  public void write(Path directory, TimeSeries series) throws IOException {
    Files.createDirectories(directory);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.set("run", json.valueToTree(run));
    root.set("figures", json.valueToTree(figures));
    root.set("targets", json.valueToTree(targets));
    root.set("plans", json.valueToTree(plans));
    root.set("notes", json.valueToTree(notes));
    root.set("timeSeries", json.valueToTree(series.points()));
    json.writeValue(directory.resolve("report.json").toFile(), root);
    series.plot(
        directory.resolve("throughput-latency.png"),
        "Entente benchmark " + run.get("mode") + ", " + run.get("date"));
    Files.writeString(directory.resolve("report.md"), markdown());
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Entente benchmark: ").append(run.get("mode")).append("\n\n");
    md.append("| run | |\n|---|---|\n");
    run.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append("\n## Figures and their baselines (same run)\n\n");
    md.append(table());
    md.append("\n## Targets (issue 7)\n\n");
    md.append("| target | wanted | measured | met |\n|---|---|---|---|\n");
    for (Target t : targets) {
      md.append("| ")
          .append(t.name())
          .append(" | ")
          .append(t.target())
          .append(" | ")
          .append(t.measured())
          .append(" | ")
          .append(t.met() == null ? "n/a" : t.met() ? "met" : "**missed**")
          .append(t.note() == null ? "" : " (" + t.note() + ")")
          .append(" |\n");
    }
    if (!notes.isEmpty()) {
      md.append("\n## Notes\n\n");
      notes.forEach(n -> md.append("- ").append(n).append("\n"));
    }
    md.append("\n![throughput and latency over time](throughput-latency.png)\n");
    if (!plans.isEmpty()) {
      md.append("\n## Query plans (EXPLAIN ANALYZE, BUFFERS) of the queries the service ran\n");
      plans.forEach(
          (name, plan) ->
              md.append("\n### ").append(name).append("\n\n```\n").append(plan).append("\n```\n"));
    }
    return md.toString();
  }

  /** The figures as one Markdown table (also what the root README's Performance section shows). */
  public String table() {
    StringBuilder md = new StringBuilder();
    md.append("| figure | measured | baseline | baseline measured | ratio |\n");
    md.append("|---|---|---|---|---|\n");
    for (Figure f : figures) {
      md.append("| ")
          .append(f.name())
          .append(" | ")
          .append(f.measured())
          .append(" | ")
          .append(f.baselineName() == null ? "—" : f.baselineName())
          .append(" | ")
          .append(f.baseline() == null ? "—" : f.baseline())
          .append(" | ")
          .append(f.ratio() == null ? "—" : String.format("%.3f", f.ratio()))
          .append(" |\n");
    }
    return md.toString();
  }
}
