package org.entente.timeline.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.entente.timeline.timeline.TimelineEntry.ActorRef;
import org.entente.timeline.timeline.TimelineEntry.SourceRef;

/** Writes timeline entries as NDJSON (one entry per line) or CSV, keeping every id. */
public final class TimelineExport {

  /** CSV columns, in order. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "entry_id",
          "entry_type",
          "kind",
          "title",
          "time",
          "precision",
          "place",
          "event_id",
          "statement_id",
          "speaker_id",
          "target_ids",
          "participant_ids",
          "status",
          "stance",
          "cameo_code",
          "weight",
          "weight_scale",
          "weight_scale_version",
          "topics",
          "original_language",
          "original_text",
          "translations",
          "source_ids",
          "grades",
          "corrected",
          "retracted",
          "version",
          "recorded_at");

  private TimelineExport() {}

  public static void ndjsonLine(ObjectMapper mapper, TimelineEntry entry, OutputStream out) {
    try {
      out.write(mapper.writeValueAsBytes(entry));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void csvHeader(Writer out) {
    row(out, CSV_COLUMNS);
  }

  public static void csvRow(TimelineEntry e, Writer out) {
    boolean statement = e.entryType() == EntryType.STATEMENT;
    var s = e.statement();
    row(
        out,
        List.of(
            e.entryId(),
            e.entryType().name(),
            text(e.kind()),
            text(e.title()),
            e.time().at().toString(),
            e.time().precision().name(),
            text(e.place()),
            statement ? text(eventId(e)) : e.entryId(),
            statement ? e.entryId() : "",
            statement ? text(s.speakerId()) : "",
            statement ? String.join(";", s.targetIds()) : "",
            statement
                ? ""
                : e.participants().stream().map(ActorRef::actorId).collect(Collectors.joining(";")),
            e.status() == null ? "" : e.status().name(),
            statement && s.stance() != null ? s.stance().name() : "",
            statement ? text(s.cameoCode()) : "",
            statement && s.weight() != null ? String.valueOf(s.weight().value()) : "",
            statement && s.weight() != null ? s.weight().scale() : "",
            statement && s.weight() != null ? s.weight().scaleVersion() : "",
            statement ? String.join(";", s.topics()) : "",
            statement && s.original() != null ? s.original().language() : "",
            statement && s.original() != null ? s.original().text() : "",
            statement
                ? s.translations().stream()
                    .map(t -> t.language() + ": " + t.text())
                    .collect(Collectors.joining(" | "))
                : "",
            e.sources().stream().map(SourceRef::sourceId).collect(Collectors.joining(";")),
            e.sources().stream()
                .map(source -> source.grade() == null ? "" : source.grade().name())
                .collect(Collectors.joining(";")),
            String.valueOf(e.corrected()),
            String.valueOf(e.retracted()),
            String.valueOf(e.version()),
            e.recordedAt().toString()));
  }

  private static String eventId(TimelineEntry e) {
    return e.event() == null ? null : e.event().eventId();
  }

  private static String text(String value) {
    return Objects.requireNonNullElse(value, "");
  }

  private static void row(Writer out, List<String> values) {
    try {
      out.write(values.stream().map(TimelineExport::quote).collect(Collectors.joining(",")));
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. A field a
   * spreadsheet would read as a formula is defused first.
   */
  static String quote(String value) {
    String cell = defused(value);
    if (Stream.of(",", "\"", "\n", "\r").noneMatch(cell::contains)) {
      return cell;
    }
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }

  /** A plain number, which a spreadsheet reads as a number even with its sign. */
  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  /**
   * Formula injection (OWASP "CSV injection"): a cell starting with =, +, -, @, tab or carriage
   * return is run as a formula by Excel, LibreOffice and Sheets, so a quoted text such as
   * "=HYPERLINK(...)" would act when an analyst opens the export. A single quote before it makes
   * the cell text. Plain numbers (a negative Goldstein weight) stay numbers.
   */
  static String defused(String value) {
    if (value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0) {
      return value;
    }
    return NUMBER.matcher(value).matches() ? value : "'" + value;
  }
}
