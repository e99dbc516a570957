package org.entente.recorder.importing;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ProblemDetail;

/**
 * The answer to one import line: {@code created} (the command was carried out), {@code duplicate}
 * (its idempotency key was seen before with the same command: the first answer is repeated and
 * nothing is stored) or {@code rejected} (with the problem document HTTP would have returned).
 */
@Schema(name = "ImportLineResult")
public record ImportLineResult(
    @Schema(description = "1-based line number in the input") int line,
    @Schema(description = "The line's command, when it could be read") String command,
    Status status,
    @Schema(description = "Aggregate id (created or duplicate)") String id,
    @Schema(description = "Aggregate version after the command (created or duplicate)")
        Long version,
    @Schema(
            ref = "#/components/schemas/Problem",
            description = "RFC 9457 problem document (rejected)")
        ProblemDetail problem) {

  public enum Status {
    CREATED,
    DUPLICATE,
    REJECTED;

    @JsonValue
    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static ImportLineResult accepted(
      int line, String command, Status status, String id, long version) {
    return new ImportLineResult(line, command, status, id, version, null);
  }

  static ImportLineResult rejected(int line, String command, ProblemDetail problem) {
    return new ImportLineResult(line, command, Status.REJECTED, null, null, problem);
  }
}
