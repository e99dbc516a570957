package org.entente.api.statement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.Ids;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;

/**
 * Record what an actor said or is reported to have said. {@code eventId} is the diplomatic event it
 * was made at, if any. The weight must be the one the scale gives the CAMEO code unless {@code
 * weightOverrideReason} says why not.
 */
public record RecordStatement(
    @TargetAggregateIdentifier @NotBlank @Pattern(regexp = Ids.AGGREGATE_ID) String statementId,
    @NotBlank String speakerId,
    String eventId,
    List<@NotBlank String> targetIds,
    @NotNull @Valid EventTime saidAt,
    @NotNull Stance stance,
    @NotBlank String cameoCode,
    @NotNull @Valid Weight weight,
    String weightOverrideReason,
    List<@NotBlank String> topics,
    @NotNull @Valid LocalizedText original,
    List<@NotNull @Valid LocalizedText> translations,
    List<@NotNull @Valid Citation> citations) {

  public RecordStatement {
    targetIds = targetIds == null ? List.of() : List.copyOf(targetIds);
    topics = topics == null ? List.of() : List.copyOf(topics);
    translations = translations == null ? List.of() : List.copyOf(translations);
    citations = citations == null ? List.of() : List.copyOf(citations);
  }
}
