package org.entente.recorder.importing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.entente.recorder.idempotency.IdempotencyRequest;
import org.entente.recorder.idempotency.IdempotentOutcome;
import org.entente.recorder.idempotency.RequestFingerprint;
import org.entente.recorder.web.Caller;
import org.entente.recorder.web.CommandAccepted;
import org.entente.recorder.web.CommandAnswers;
import org.entente.recorder.web.CommandCatalog;
import org.entente.recorder.web.CommandMapper;
import org.entente.recorder.web.CommandRunner;
import org.entente.recorder.web.CommandSpec;
import org.entente.recorder.web.InvalidRequestException;
import org.entente.recorder.web.ProblemAdvice;
import org.entente.recorder.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Imports commands written one per line as {@code
 * {"command":"RegisterActor","idempotencyKey":"…","body":{…}}}. Lines are read, carried out and
 * answered one at a time, in order, each in its own transaction: a rejected line is answered with
 * its problem document and the import goes on. Blank lines and lines starting with {@code #} are
 * skipped. Each line goes through the same mapping, checks and idempotency as its HTTP endpoint.
 */
@Component
public class NdjsonImporter {

  public static final String PATH = "/api/import";

  static final String COMMAND = "command";
  static final String IDEMPOTENCY_KEY = "idempotencyKey";
  static final String BODY = "body";
  private static final Set<String> LINE_FIELDS = Set.of(COMMAND, IDEMPOTENCY_KEY, BODY);

  private final CommandMapper mapper;
  private final CommandRunner runner;
  private final CommandAnswers answers;

  NdjsonImporter(CommandMapper mapper, CommandRunner runner, CommandAnswers answers) {
    this.mapper = mapper;
    this.runner = runner;
    this.answers = answers;
  }

  /**
   * Imports in-process (e.g. a demo data set at start-up) as {@code recordedBy}, all lines under
   * one new correlation id.
   */
  public ImportSummary importNdjson(Reader ndjson, String recordedBy) {
    List<ImportLineResult> results = new ArrayList<>();
    importNdjson(ndjson, new Caller(recordedBy, UUID.randomUUID().toString()), null, results::add);
    return ImportSummary.of(results);
  }

  /**
   * Imports line by line, handing each answer to {@code answers} as soon as it is known. A line
   * without its own idempotency key gets {@code <requestKey>/line-<n>} when {@code requestKey} (the
   * HTTP request's Idempotency-Key) is given, so retrying a whole import stores nothing twice.
   */
  public void importNdjson(
      Reader ndjson, Caller caller, String requestKey, Consumer<ImportLineResult> answers) {
    BufferedReader lines =
        ndjson instanceof BufferedReader buffered ? buffered : new BufferedReader(ndjson);
    try {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        String text = number == 1 ? stripByteOrderMark(line).strip() : line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        answers.accept(importLine(number, text, caller, requestKey));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the import", e);
    }
  }

  private ImportLineResult importLine(int number, String text, Caller caller, String requestKey) {
    String commandName = null;
    try {
      JsonNode line = mapper.parse(text);
      requireLineShape(line);
      commandName = line.get(COMMAND).asText();
      CommandSpec spec = spec(commandName);
      JsonNode body = line.get(BODY);
      Object command = mapper.toCommand(spec, body, null, null);
      IdempotencyRequest keyed = idempotencyRequest(line, number, requestKey, spec, body);
      IdempotentOutcome outcome = runner.run(spec, command, caller, keyed);
      CommandAccepted accepted = answers.body(outcome.answer());
      return ImportLineResult.accepted(
          number,
          commandName,
          outcome.replayed() ? ImportLineResult.Status.DUPLICATE : ImportLineResult.Status.CREATED,
          accepted.id(),
          accepted.version());
    } catch (RuntimeException e) {
      ProblemDetail problem = Problems.of(e);
      problem.setInstance(URI.create(PATH + "#line=" + number));
      problem.setProperty(ProblemAdvice.CORRELATION_ID, caller.correlationId());
      return ImportLineResult.rejected(number, commandName, problem);
    }
  }

  private static void requireLineShape(JsonNode line) {
    if (!line.isObject()) {
      throw InvalidRequestException.of(
          "line", "must be a JSON object {\"command\":…, \"idempotencyKey\":…, \"body\":{…}}");
    }
    for (Iterator<String> names = line.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!LINE_FIELDS.contains(name)) {
        throw InvalidRequestException.of(
            name, "unknown property; a line has only command, idempotencyKey and body");
      }
    }
    JsonNode command = line.get(COMMAND);
    if (command == null || !command.isTextual() || command.asText().isBlank()) {
      throw InvalidRequestException.of(COMMAND, "must name a command, e.g. RegisterActor");
    }
    JsonNode key = line.get(IDEMPOTENCY_KEY);
    if (key != null && !key.isNull() && !key.isTextual()) {
      throw InvalidRequestException.of(IDEMPOTENCY_KEY, "must be a string");
    }
    JsonNode body = line.get(BODY);
    if (body == null || !body.isObject()) {
      throw InvalidRequestException.of(BODY, "must be a JSON object with the command's fields");
    }
  }

  private static CommandSpec spec(String name) {
    return CommandCatalog.byName(name)
        .orElseThrow(
            () ->
                InvalidRequestException.of(
                    COMMAND,
                    "unknown command '" + name + "'; known are " + CommandCatalog.names()));
  }

  private static IdempotencyRequest idempotencyRequest(
      JsonNode line, int number, String requestKey, CommandSpec spec, JsonNode body) {
    JsonNode own = line.get(IDEMPOTENCY_KEY);
    String key;
    String field;
    if (own != null && !own.isNull()) {
      key = own.asText();
      field = IDEMPOTENCY_KEY;
    } else if (requestKey != null) {
      key = requestKey + "/line-" + number;
      field = "Idempotency-Key";
    } else {
      return null;
    }
    return new IdempotencyRequest(key, RequestFingerprint.of(body, "IMPORT", spec.name()), field);
  }

  private static String stripByteOrderMark(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
