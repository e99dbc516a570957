package org.entente.recorder.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.recorder.batching.GroupCommit;
import org.entente.recorder.idempotency.IdempotencyRequest;
import org.entente.recorder.idempotency.IdempotentOutcome;
import org.entente.recorder.idempotency.RequestFingerprint;
import org.entente.recorder.idempotency.StoredAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What every command endpoint does: read the JSON body, merge the path id, apply If-Match, and run
 * the command under the request's Idempotency-Key, answering with the first answer on a retry.
 * Commands of concurrent requests share a transaction ({@link GroupCommit}).
 */
@Component
public class CommandRequests {

  /** Sources carry full texts; anything beyond this is refused unread. */
  public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final Pattern STRONG_VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

  private final CommandMapper mapper;
  private final GroupCommit commands;
  private final CommandAnswers answers;

  CommandRequests(CommandMapper mapper, GroupCommit commands, CommandAnswers answers) {
    this.mapper = mapper;
    this.commands = commands;
    this.answers = answers;
  }

  public ResponseEntity<CommandAccepted> create(
      Class<? extends Record> command, HttpServletRequest request) {
    return handle(command, request, null);
  }

  public ResponseEntity<CommandAccepted> follow(
      Class<? extends Record> command, String id, HttpServletRequest request) {
    return handle(command, request, id);
  }

  private ResponseEntity<CommandAccepted> handle(
      Class<? extends Record> type, HttpServletRequest request, String pathId) {
    CommandSpec spec = CommandCatalog.of(type);
    JsonNode body = mapper.parse(readBody(request));
    String ifMatch = request.getHeader(Headers.IF_MATCH);
    Object command = mapper.toCommand(spec, body, pathId, expectedVersion(ifMatch));
    Caller caller = Callers.of(request);
    IdempotencyRequest keyed = idempotencyRequest(request, ifMatch, body);
    IdempotentOutcome outcome = commands.run(spec, command, caller, keyed);
    return toResponse(outcome);
  }

  private IdempotencyRequest idempotencyRequest(
      HttpServletRequest request, String ifMatch, JsonNode body) {
    String key = request.getHeader(Headers.IDEMPOTENCY_KEY);
    if (key == null) {
      return null;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String fingerprint =
        RequestFingerprint.of(body, request.getMethod(), path, String.valueOf(ifMatch));
    return new IdempotencyRequest(key, fingerprint, Headers.IDEMPOTENCY_KEY);
  }

  private ResponseEntity<CommandAccepted> toResponse(IdempotentOutcome outcome) {
    StoredAnswer answer = outcome.answer();
    ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
    answer.headers().forEach(response::header);
    if (outcome.replayed()) {
      response.header(Headers.IDEMPOTENT_REPLAYED, "true");
    }
    return response.body(answers.body(answer));
  }

  /** {@code If-Match: "3"} → 3; absent → null. Only a single strong version tag is accepted. */
  static Long expectedVersion(String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    Matcher matcher = STRONG_VERSION_TAG.matcher(ifMatch.strip());
    if (!matcher.matches()) {
      throw InvalidRequestException.of(
          Headers.IF_MATCH,
          "must be one quoted version as returned in ETag, e.g. \"3\"; was " + ifMatch);
    }
    return Long.parseLong(matcher.group(1));
  }

  private static byte[] readBody(HttpServletRequest request) {
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        String reason = "larger than " + MAX_BODY_BYTES + " bytes";
        throw new InvalidRequestException(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "body: " + reason,
            List.of(new FieldProblem(JsonProblems.WHOLE_BODY, reason)));
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the request body", e);
    }
  }
}
