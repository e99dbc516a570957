package org.entente.api.actor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.entente.api.common.Ids;

/**
 * Register a person, state, organisation, alliance or group. External ids map a scheme to an id,
 * e.g. {@code wikidata → Q1124}.
 */
public record RegisterActor(
    @TargetAggregateIdentifier @NotBlank @Pattern(regexp = Ids.AGGREGATE_ID) String actorId,
    @NotNull ActorKind kind,
    @NotBlank String name,
    List<@NotBlank String> aliases,
    Map<@NotBlank String, @NotBlank String> externalIds) {

  public RegisterActor {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    externalIds = externalIds == null ? Map.of() : Map.copyOf(externalIds);
  }
}
