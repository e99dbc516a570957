package org.entente.recorder.web;

import jakarta.validation.ConstraintViolation;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.entente.recorder.idempotency.IdempotencyException;
import org.entente.recorder.idempotency.IdempotencyKeyReusedException;
import org.entente.recorder.idempotency.IdempotentRequestInFlightException;
import org.entente.recorder.rules.RuleException;
import org.entente.recorder.rules.UnknownReferenceException;
import org.entente.recorder.rules.WrongStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Maps every way a request can be refused to an RFC 9457 problem document with an {@code errors}
 * list of {field, reason}. Shared by the HTTP error handler and the import's per-line answers, so a
 * refused import line carries exactly the document the same command would get over HTTP.
 *
 * <p>Problem types are URNs {@code urn:entente:problem:<name>}, listed in the recorder's README.
 */
public final class Problems {

  public static final String TYPE_PREFIX = "urn:entente:problem:";
  public static final String ERRORS = "errors";

  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  public static ProblemDetail of(Throwable failure) {
    CommandSpec spec = null;
    Throwable cause = failure;
    while (true) {
      if (cause instanceof RejectedCommandException rejected && cause.getCause() != null) {
        spec = rejected.spec();
        cause = cause.getCause();
      } else if (cause instanceof CommandExecutionException && cause.getCause() != null) {
        cause = cause.getCause();
      } else {
        break;
      }
    }
    return of(cause, spec);
  }

  private static ProblemDetail of(Throwable cause, CommandSpec spec) {
    String idField = spec == null ? "id" : spec.idField();
    if (DatabaseUnavailable.isCause(cause)) {
      log.warn("Request refused: the database is unavailable ({})", cause.toString());
      return single(
          HttpStatus.SERVICE_UNAVAILABLE,
          "database-unavailable",
          "Database unavailable",
          "request",
          "the event store cannot be reached just now; nothing was stored, retry after "
              + DatabaseUnavailable.RETRY_AFTER_SECONDS
              + " s");
    }
    if (cause instanceof InvalidRequestException invalid) {
      return problem(
          invalid.status(),
          invalid.status() == HttpStatus.BAD_REQUEST ? "malformed-request" : "request-too-large",
          "The request cannot be read",
          invalid.getMessage(),
          invalid.problems());
    }
    if (cause instanceof InvalidValuesException invalid) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "invalid-command",
          "The command is invalid",
          summary(invalid.problems()),
          invalid.problems());
    }
    if (cause instanceof JSR303ViolationException violations) {
      List<FieldProblem> errors =
          violations.getViolations().stream()
              .map(Problems::fieldProblem)
              .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::reason))
              .toList();
      return problem(
          HttpStatus.BAD_REQUEST,
          "invalid-command",
          "The command is invalid",
          summary(errors),
          errors);
    }
    if (cause instanceof UnknownReferenceException unknown) {
      return rule(HttpStatus.NOT_FOUND, "unknown-reference", "Unknown reference", unknown);
    }
    if (cause instanceof WrongStateException wrongState) {
      return rule(
          HttpStatus.CONFLICT, "wrong-state", "Not possible in the current state", wrongState);
    }
    if (cause instanceof RuleException rule) {
      return rule(HttpStatus.UNPROCESSABLE_ENTITY, "rule-violation", "A rule is broken", rule);
    }
    if (cause instanceof AggregateNotFoundException notFound) {
      return single(
          HttpStatus.NOT_FOUND,
          "unknown-reference",
          "Unknown reference",
          idField,
          "no "
              + (spec == null ? "aggregate" : spec.aggregate().noun())
              + " with id '"
              + notFound.getAggregateIdentifier()
              + "' is on record");
    }
    if (cause instanceof ConflictingAggregateVersionException conflict) {
      return single(
          HttpStatus.CONFLICT,
          "version-conflict",
          "Changed in the meantime",
          spec == null ? "expectedVersion" : spec.versionField().orElse("expectedVersion"),
          "expected version "
              + conflict.getExpectedVersion()
              + " (If-Match) but it is at version "
              + conflict.getActualVersion()
              + "; read the stream again and retry");
    }
    if (cause instanceof AggregateStreamCreationException) {
      return single(
          HttpStatus.CONFLICT,
          "duplicate-id",
          "Id already taken",
          idField,
          "the id is already taken; choose another or leave it out");
    }
    if (cause instanceof ConcurrencyException) {
      return single(
          HttpStatus.CONFLICT,
          "concurrent-change",
          "Changed concurrently",
          idField,
          "another command changed this record at the same time; retry");
    }
    if (cause instanceof IdempotencyKeyReusedException reused) {
      return idempotency(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", reused);
    }
    if (cause instanceof IdempotentRequestInFlightException inFlight) {
      return idempotency(HttpStatus.CONFLICT, "idempotent-request-in-flight", inFlight);
    }
    if (cause instanceof IdempotencyException invalidKey) {
      return idempotency(HttpStatus.BAD_REQUEST, "malformed-request", invalidKey);
    }
    if (cause instanceof NoHandlerForCommandException) {
      return single(
          HttpStatus.NOT_IMPLEMENTED,
          "not-implemented",
          "Not implemented",
          "command",
          "no handler for " + (spec == null ? "this command" : spec.name()) + " is deployed");
    }
    log.error("Request failed unexpectedly", cause);
    return single(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "request",
        "the request failed unexpectedly; nothing was stored");
  }

  /** A problem document in our style (used for the errors Spring MVC raises itself, too). */
  public static ProblemDetail problem(
      HttpStatus status, String name, String title, String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_PREFIX + name));
    problem.setTitle(title);
    problem.setProperty(ERRORS, errors);
    return problem;
  }

  /** The reason phrase of an HTTP status, or "Error" for one Spring does not know. */
  static String statusReason(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "Error" : known.getReasonPhrase();
  }

  private static ProblemDetail single(
      HttpStatus status, String name, String title, String field, String reason) {
    return problem(
        status, name, title, field + ": " + reason, List.of(new FieldProblem(field, reason)));
  }

  private static ProblemDetail rule(HttpStatus status, String name, String title, RuleException e) {
    return single(status, name, title, e.field(), e.reason());
  }

  private static ProblemDetail idempotency(HttpStatus status, String name, IdempotencyException e) {
    String title =
        switch (name) {
          case "idempotency-key-reused" -> "Idempotency key already used";
          case "idempotent-request-in-flight" -> "Same request still in progress";
          default -> "The request cannot be read";
        };
    return single(status, name, title, e.field(), e.reason());
  }

  private static FieldProblem fieldProblem(ConstraintViolation<?> violation) {
    // Hibernate Validator names container elements "<list element>"; the index before it suffices
    String path = violation.getPropertyPath().toString().replaceAll("\\.?<[^>]+>", "");
    return new FieldProblem(
        path.isEmpty() ? JsonProblems.WHOLE_BODY : path, violation.getMessage());
  }

  private static String summary(List<FieldProblem> errors) {
    return String.join(
        "; ", errors.stream().map(error -> error.field() + ": " + error.reason()).toList());
  }
}
