package org.entente.recorder.actor;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.actor.AssignRole;
import org.entente.api.actor.MembershipRecorded;
import org.entente.api.actor.RecordMembership;
import org.entente.api.actor.RegisterActor;
import org.entente.api.actor.RoleAssigned;
import org.entente.api.common.Ids;
import org.entente.recorder.reference.References;
import org.entente.recorder.rules.Periods;
import org.entente.recorder.rules.RuleViolationException;
import org.entente.recorder.rules.UnknownReferenceException;

/** A person, state, organisation, alliance or group, with its roles and memberships over time. */
@Aggregate(cache = "aggregateCache")
public class Actor {

  /** Where a person can hold a role. */
  static final Set<ActorKind> ROLE_HOLDERS =
      EnumSet.of(ActorKind.STATE, ActorKind.ORGANISATION, ActorKind.ALLIANCE);

  /** The external id scheme whose ids we can check. */
  static final String WIKIDATA = "wikidata";

  @AggregateIdentifier private String actorId;
  private ActorKind kind;

  protected Actor() {
    // for Axon
  }

  @CommandHandler
  public Actor(RegisterActor command) {
    String wikidata = command.externalIds().get(WIKIDATA);
    if (wikidata != null && !wikidata.matches(Ids.WIKIDATA_ITEM)) {
      throw new RuleViolationException(
          "externalIds[" + WIKIDATA + "]", "'" + wikidata + "' is not a Wikidata item id (Q7184)");
    }
    apply(
        new ActorRegistered(
            command.actorId(),
            command.kind(),
            command.name().strip(),
            command.aliases(),
            command.externalIds()));
  }

  @CommandHandler
  public void handle(AssignRole command, References references) {
    if (kind != ActorKind.PERSON) {
      throw new RuleViolationException("actorId", "only a person holds a role, not a " + kind);
    }
    ActorKind at =
        references
            .actorKind(command.atActorId())
            .orElseThrow(
                () -> new UnknownReferenceException("atActorId", command.atActorId(), "actor"));
    if (!ROLE_HOLDERS.contains(at)) {
      throw new RuleViolationException(
          "atActorId", "a role is held at a state, organisation or alliance, not a " + at);
    }
    Periods.requireForward(command.from(), command.to());
    apply(
        new RoleAssigned(
            actorId, command.title().strip(), command.atActorId(), command.from(), command.to()));
  }

  @CommandHandler
  public void handle(RecordMembership command, References references) {
    if (kind == ActorKind.PERSON) {
      throw new RuleViolationException(
          "actorId", "a person holds roles, not memberships; members are states or groups");
    }
    if (command.groupId().equals(actorId)) {
      throw new RuleViolationException("groupId", "an actor cannot be a member of itself");
    }
    ActorKind group =
        references
            .actorKind(command.groupId())
            .orElseThrow(
                () -> new UnknownReferenceException("groupId", command.groupId(), "actor"));
    if (!group.hasMembers()) {
      throw new RuleViolationException(
          "groupId", "members join an alliance, group or organisation, not a " + group);
    }
    Periods.requireForward(command.from(), command.to());
    apply(new MembershipRecorded(actorId, command.groupId(), command.from(), command.to()));
  }

  @EventSourcingHandler
  void on(ActorRegistered event) {
    actorId = event.actorId();
    kind = event.kind();
  }
}
