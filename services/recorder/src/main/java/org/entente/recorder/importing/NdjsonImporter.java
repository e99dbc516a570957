package org.entente.recorder.importing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.entente.recorder.batching.BatchItem;
import org.entente.recorder.batching.BatchOutcome;
import org.entente.recorder.batching.CommandBatch;
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
import org.entente.recorder.web.FieldProblem;
import org.entente.recorder.web.InvalidRequestException;
import org.entente.recorder.web.ProblemAdvice;
import org.entente.recorder.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Imports commands written one per line as {@code
 * {"command":"RegisterActor","idempotencyKey":"…","body":{…}}}. Blank lines and lines starting with
 * {@code #} are skipped. Each line goes through the same mapping, checks and idempotency as its
 * HTTP endpoint, and is answered with its own result; a rejected line changes nothing and the
 * import goes on.
 *
 * <p>Lines are read in batches of up to {@value #BATCH_LINES} and carried out as {@link
 * CommandBatch}es: validated together, their events appended in one JDBC batch and committed in one
 * transaction, and answered once it committed. A batch ends early when no more input is at hand, so
 * a client that sends line by line is answered line by line. A refused line is refused before it
 * writes anything, so the batch goes on without it; a line that may depend on what its batch stores
 * (the same aggregate, a reference registered in the batch) goes to a following batch; if a batch
 * cannot commit as a whole (an SQL error, a deadlock), its lines are carried out again one by one,
 * each in its own transaction.
 *
 * <p>Limits: a line of more than {@value #MAX_LINE_CHARS} characters is answered 413 and skipped
 * without being held in memory; after {@value #MAX_COMMAND_LINES} command lines the import stops
 * with a 413 answer for the next one. With {@code requireNewline}, a last line without its newline
 * counts as cut off (400, not carried out); so does the line being read when the input fails.
 */
@Component
public class NdjsonImporter {

  public static final String PATH = "/api/import";

  /** Longest line read, in characters (1 MiB of ASCII). */
  public static final int MAX_LINE_CHARS = 1024 * 1024;

  /** Most command lines (not counting blank and comment lines) in one import. */
  public static final int MAX_COMMAND_LINES = 100_000;

  /** Most lines carried out in one transaction, unless {@code entente.import.batch-lines} says. */
  static final int BATCH_LINES = 500;

  /** Prefix of the keys derived for lines without their own key under a request key. */
  static final String DERIVED_KEY_PREFIX = "import/";

  static final String COMMAND = "command";
  static final String IDEMPOTENCY_KEY = "idempotencyKey";
  static final String BODY = "body";
  private static final Set<String> LINE_FIELDS = Set.of(COMMAND, IDEMPOTENCY_KEY, BODY);

  private final CommandMapper mapper;
  private final CommandRunner runner;
  private final CommandBatch commands;
  private final CommandAnswers answers;
  private final int batchLines;

  NdjsonImporter(
      CommandMapper mapper,
      CommandRunner runner,
      CommandBatch commands,
      CommandAnswers answers,
      @Value("${entente.import.batch-lines:" + BATCH_LINES + "}") int batchLines) {
    if (batchLines < 1) {
      throw new IllegalArgumentException("entente.import.batch-lines must be at least 1");
    }
    this.batchLines = batchLines;
    this.mapper = mapper;
    this.runner = runner;
    this.commands = commands;
    this.answers = answers;
  }

  /**
   * Imports in-process (e.g. a demo data set at start-up) as {@code recordedBy}, all lines under
   * one new correlation id. The last line may end without a newline.
   */
  public ImportSummary importNdjson(Reader ndjson, String recordedBy) {
    List<ImportLineResult> results = new ArrayList<>();
    importNdjson(ndjson, new Caller(recordedBy, UUID.randomUUID().toString()), null, results::add);
    return ImportSummary.of(results);
  }

  /**
   * {@link #importNdjson(Reader, Caller, String, boolean, Consumer)} without requiring newlines.
   */
  public void importNdjson(
      Reader ndjson, Caller caller, String requestKey, Consumer<ImportLineResult> answers) {
    importNdjson(ndjson, caller, requestKey, false, answers);
  }

  /**
   * Imports batch by batch, handing each answer to {@code answers} as soon as its batch committed.
   * A line without its own idempotency key gets a key derived from {@code requestKey} (the HTTP
   * request's Idempotency-Key) and the line's content, so retrying an import, even with lines added
   * or moved, stores nothing twice.
   */
  public void importNdjson(
      Reader ndjson,
      Caller caller,
      String requestKey,
      boolean requireNewline,
      Consumer<ImportLineResult> answers) {
    NdjsonLines lines = new NdjsonLines(ndjson, MAX_LINE_CHARS);
    Map<String, Integer> seen = new HashMap<>();
    List<Prepared> batch = new ArrayList<>();
    int commandLines = 0;
    try {
      for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
        String text = line.text() == null ? null : strip(line);
        if (text != null && (text.isEmpty() || text.startsWith("#"))) {
          continue;
        }
        if (++commandLines > MAX_COMMAND_LINES) {
          batch.add(
              rejected(
                  line.number(),
                  null,
                  tooLarge(
                      "import has more than "
                          + MAX_COMMAND_LINES
                          + " command lines; this line and the rest were not read"),
                  caller));
          break;
        }
        if (line.tooLong()) {
          batch.add(
              rejected(
                  line.number(),
                  null,
                  tooLarge("line is longer than " + MAX_LINE_CHARS + " characters"),
                  caller));
        } else if (requireNewline && !line.terminated()) {
          batch.add(
              rejected(line.number(), null, cutOff("it does not end with a newline"), caller));
        } else {
          batch.add(prepare(line.number(), text, caller, requestKey, seen));
        }
        if (batch.size() >= batchLines || !lines.ready()) {
          carryOut(batch, caller, answers);
          batch.clear();
        }
      }
    } catch (IOException e) {
      batch.add(
          rejected(
              lines.nextNumber(),
              null,
              cutOff("the input failed while it was read (" + e.getMessage() + ")"),
              caller));
    }
    carryOut(batch, caller, answers);
  }

  /** Everything about a line that needs no database: its command, key, or why it is refused. */
  private record Prepared(
      int number,
      String commandName,
      CommandSpec spec,
      Object command,
      IdempotencyRequest keyed,
      ImportLineResult rejected) {}

  private Prepared prepare(
      int number, String text, Caller caller, String requestKey, Map<String, Integer> seen) {
    String commandName = null;
    try {
      JsonNode line = mapper.parse(text);
      requireLineShape(line);
      commandName = line.get(COMMAND).asText();
      CommandSpec spec = spec(commandName);
      JsonNode body = line.get(BODY);
      Object command = mapper.toCommand(spec, body, null, null);
      IdempotencyRequest keyed = idempotencyRequest(line, requestKey, spec, body, seen);
      return new Prepared(number, commandName, spec, command, keyed, null);
    } catch (RuntimeException e) {
      return rejected(number, commandName, e, caller);
    }
  }

  /**
   * Carries out a batch's lines as {@link CommandBatch}es: the lines one could not try (they may
   * depend on what it stored) go to the next, until every line has its answer.
   */
  private void carryOut(List<Prepared> batch, Caller caller, Consumer<ImportLineResult> answers) {
    ImportLineResult[] results = new ImportLineResult[batch.size()];
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i).rejected() != null) {
        results[i] = batch.get(i).rejected();
      } else {
        pending.add(i);
      }
    }
    while (!pending.isEmpty()) {
      List<BatchOutcome> outcomes =
          commands.run(
              pending.stream()
                  .map(batch::get)
                  .map(line -> new BatchItem(line.spec(), line.command(), caller, line.keyed()))
                  .toList());
      List<Integer> next = new ArrayList<>();
      for (int k = 0; k < pending.size(); k++) {
        int i = pending.get(k);
        Prepared line = batch.get(i);
        BatchOutcome outcome = outcomes.get(k);
        if (outcome instanceof BatchOutcome.Done done) {
          results[i] = accepted(line, done.outcome());
        } else if (outcome instanceof BatchOutcome.Refused refused) {
          results[i] =
              rejected(line.number(), line.commandName(), refused.reason(), caller).rejected();
        } else if (outcome instanceof BatchOutcome.RunAlone) {
          results[i] = runAlone(line, caller);
        } else {
          next.add(i);
        }
      }
      pending = next;
    }
    for (ImportLineResult result : results) {
      answers.accept(result);
    }
  }

  private ImportLineResult runAlone(Prepared line, Caller caller) {
    try {
      return accepted(line, runner.run(line.spec(), line.command(), caller, line.keyed()));
    } catch (RuntimeException e) {
      return rejected(line.number(), line.commandName(), e, caller).rejected();
    }
  }

  private ImportLineResult accepted(Prepared line, IdempotentOutcome outcome) {
    CommandAccepted accepted = answers.body(outcome.answer());
    return ImportLineResult.accepted(
        line.number(),
        line.commandName(),
        outcome.replayed() ? ImportLineResult.Status.DUPLICATE : ImportLineResult.Status.CREATED,
        accepted.id(),
        accepted.version());
  }

  private static Prepared rejected(
      int number, String commandName, RuntimeException e, Caller caller) {
    ProblemDetail problem = Problems.of(e);
    problem.setInstance(URI.create(PATH + "#line=" + number));
    problem.setProperty(ProblemAdvice.CORRELATION_ID, caller.correlationId());
    return new Prepared(
        number,
        commandName,
        null,
        null,
        null,
        ImportLineResult.rejected(number, commandName, problem));
  }

  private static InvalidRequestException tooLarge(String reason) {
    return new InvalidRequestException(
        HttpStatus.PAYLOAD_TOO_LARGE, "line: " + reason, List.of(new FieldProblem("line", reason)));
  }

  private static InvalidRequestException cutOff(String why) {
    return InvalidRequestException.of(
        "line", "the upload was cut off at this line: " + why + "; it was not carried out");
  }

  private static String strip(NdjsonLines.Line line) {
    return line.number() == 1 ? stripByteOrderMark(line.text()).strip() : line.text().strip();
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

  /**
   * The line's own key; else, under a request key, one derived from the request key and the line's
   * content (its command and canonical body) and how often that content came before in this import,
   * so re-sending a file with lines added, removed or moved runs no line twice.
   */
  private static IdempotencyRequest idempotencyRequest(
      JsonNode line,
      String requestKey,
      CommandSpec spec,
      JsonNode body,
      Map<String, Integer> seen) {
    String fingerprint = RequestFingerprint.of(body, "IMPORT", spec.name());
    JsonNode own = line.get(IDEMPOTENCY_KEY);
    if (own != null && !own.isNull()) {
      return new IdempotencyRequest(own.asText(), fingerprint, IDEMPOTENCY_KEY);
    }
    if (requestKey == null) {
      return null;
    }
    int occurrence = seen.merge(fingerprint, 1, Integer::sum);
    String key = DERIVED_KEY_PREFIX + sha256(requestKey + "\n" + fingerprint + "\n" + occurrence);
    return new IdempotencyRequest(key, fingerprint, "Idempotency-Key");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String stripByteOrderMark(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
