package org.entente.recorder.web;

import static org.entente.recorder.web.AggregateKind.ACTOR;
import static org.entente.recorder.web.AggregateKind.DIPLOMATIC_EVENT;
import static org.entente.recorder.web.AggregateKind.SOURCE;
import static org.entente.recorder.web.AggregateKind.STATEMENT;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.entente.api.actor.AssignRole;
import org.entente.api.actor.RecordMembership;
import org.entente.api.actor.RegisterActor;
import org.entente.api.event.AmendDiplomaticEvent;
import org.entente.api.event.CancelDiplomaticEvent;
import org.entente.api.event.MarkDiplomaticEventHeld;
import org.entente.api.event.RecordDiplomaticEvent;
import org.entente.api.event.RetractDiplomaticEvent;
import org.entente.api.source.RegisterSource;
import org.entente.api.statement.AddTranslation;
import org.entente.api.statement.CiteSource;
import org.entente.api.statement.CorrectStatement;
import org.entente.api.statement.RecordStatement;
import org.entente.api.statement.RetractStatement;

/** Every command the API accepts, by class and by simple name (the import's "command"). */
public final class CommandCatalog {

  public static final List<CommandSpec> ALL =
      List.of(
          CommandSpec.creating(RegisterActor.class, ACTOR),
          CommandSpec.following(AssignRole.class, ACTOR),
          CommandSpec.following(RecordMembership.class, ACTOR),
          CommandSpec.creating(RegisterSource.class, SOURCE),
          CommandSpec.creating(RecordDiplomaticEvent.class, DIPLOMATIC_EVENT),
          CommandSpec.following(AmendDiplomaticEvent.class, DIPLOMATIC_EVENT),
          CommandSpec.following(MarkDiplomaticEventHeld.class, DIPLOMATIC_EVENT),
          CommandSpec.following(CancelDiplomaticEvent.class, DIPLOMATIC_EVENT),
          CommandSpec.following(RetractDiplomaticEvent.class, DIPLOMATIC_EVENT),
          CommandSpec.creating(RecordStatement.class, STATEMENT),
          CommandSpec.following(CorrectStatement.class, STATEMENT),
          CommandSpec.following(RetractStatement.class, STATEMENT),
          CommandSpec.following(AddTranslation.class, STATEMENT),
          CommandSpec.following(CiteSource.class, STATEMENT));

  private static final Map<String, CommandSpec> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(CommandSpec::name, Function.identity()));

  private static final Map<Class<?>, CommandSpec> BY_TYPE =
      ALL.stream().collect(Collectors.toUnmodifiableMap(CommandSpec::type, Function.identity()));

  private CommandCatalog() {}

  public static Optional<CommandSpec> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static CommandSpec of(Class<?> type) {
    CommandSpec spec = BY_TYPE.get(type);
    if (spec == null) {
      throw new IllegalArgumentException(type + " is not a command of the API");
    }
    return spec;
  }

  public static List<String> names() {
    return ALL.stream().map(CommandSpec::name).toList();
  }
}
