package org.entente.api.common;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * When something happened (event time), with how precisely that is known. For DAY and MONTH the
 * instant is the start of that day or month in UTC.
 */
public record EventTime(@NotNull Instant at, @NotNull TimePrecision precision) {

  public static EventTime instant(Instant at) {
    return new EventTime(at, TimePrecision.INSTANT);
  }
}
