package org.entente.api.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.Ids;

/** Record a speech, meeting, dinner, summit, … that took place or is scheduled. */
public record RecordDiplomaticEvent(
    @TargetAggregateIdentifier @NotBlank @Pattern(regexp = Ids.AGGREGATE_ID) String eventId,
    @NotNull EventKind kind,
    @NotBlank String title,
    @NotNull @Valid EventTime time,
    String location,
    List<@NotNull @Valid Participant> participants,
    @NotNull EventStatus status,
    List<@NotNull @Valid Citation> sources) {

  public RecordDiplomaticEvent {
    participants = participants == null ? List.of() : List.copyOf(participants);
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
