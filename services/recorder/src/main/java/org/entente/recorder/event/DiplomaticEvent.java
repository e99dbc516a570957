package org.entente.recorder.event;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.entente.recorder.rules.Changes.differs;
import static org.entente.recorder.rules.Changes.differsAsSet;
import static org.entente.recorder.rules.Changes.strippedOrNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.event.AmendDiplomaticEvent;
import org.entente.api.event.CancelDiplomaticEvent;
import org.entente.api.event.DiplomaticEventAmended;
import org.entente.api.event.DiplomaticEventCancelled;
import org.entente.api.event.DiplomaticEventHeld;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.event.DiplomaticEventRetracted;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.MarkDiplomaticEventHeld;
import org.entente.api.event.Participant;
import org.entente.api.event.RecordDiplomaticEvent;
import org.entente.api.event.RetractDiplomaticEvent;
import org.entente.recorder.reference.References;
import org.entente.recorder.rules.Changes;
import org.entente.recorder.rules.CitationRules;
import org.entente.recorder.rules.ReferenceRules;
import org.entente.recorder.rules.RuleViolationException;
import org.entente.recorder.rules.WrongStateException;

/**
 * A speech, meeting, dinner, summit, ... that took place or is scheduled. Amendments, the outcome
 * of a scheduled event and a retraction are new events; nothing recorded is edited.
 */
@Aggregate(cache = "aggregateCache")
public class DiplomaticEvent {

  @AggregateIdentifier private String eventId;
  private EventKind kind;
  private String title;
  private EventTime time;
  private String location;
  private List<Participant> participants;
  private List<Citation> sources;
  private EventStatus status;
  private boolean retracted;

  protected DiplomaticEvent() {
    // for Axon
  }

  @CommandHandler
  public DiplomaticEvent(RecordDiplomaticEvent command, References references) {
    checkParticipants(command.participants(), references);
    CitationRules.checkAll("sources", command.sources(), references);
    apply(
        new DiplomaticEventRecorded(
            command.eventId(),
            command.kind(),
            command.title().strip(),
            command.time(),
            strippedOrNull(command.location()),
            command.participants(),
            command.status(),
            command.sources()));
  }

  @CommandHandler
  public void handle(AmendDiplomaticEvent command, References references) {
    requireNotRetracted("amended");
    List<String> changed = new ArrayList<>();
    EventKind newKind = differs(command.kind(), kind) ? command.kind() : null;
    String givenTitle = strippedOrNull(command.title());
    String newTitle = differs(givenTitle, title) ? givenTitle : null;
    EventTime newTime = differs(command.time(), time) ? command.time() : null;
    String givenLocation = strippedOrNull(command.location());
    String newLocation = differs(givenLocation, location) ? givenLocation : null;
    List<Participant> newParticipants =
        differsAsSet(command.participants(), participants)
            ? List.copyOf(command.participants())
            : null;
    List<Citation> newSources =
        differsAsSet(command.sources(), sources) ? List.copyOf(command.sources()) : null;
    addIf(changed, newKind, "kind");
    addIf(changed, newTitle, "title");
    addIf(changed, newTime, "time");
    addIf(changed, newLocation, "location");
    addIf(changed, newParticipants, "participants");
    addIf(changed, newSources, "sources");
    if (changed.isEmpty()) {
      throw Changes.nothingChanged("amendment");
    }
    if (newParticipants != null) {
      checkParticipants(newParticipants, references);
    }
    if (newSources != null) {
      CitationRules.checkAll("sources", newSources, references);
    }
    apply(
        new DiplomaticEventAmended(
            eventId,
            List.copyOf(changed),
            newKind,
            newTitle,
            newTime,
            newLocation,
            newParticipants,
            newSources,
            command.reason()));
  }

  @CommandHandler
  public void handle(MarkDiplomaticEventHeld command) {
    requireNotRetracted("marked as held");
    requireScheduled("marked as held");
    apply(new DiplomaticEventHeld(eventId, command.time()));
  }

  @CommandHandler
  public void handle(CancelDiplomaticEvent command) {
    requireNotRetracted("cancelled");
    requireScheduled("cancelled");
    apply(new DiplomaticEventCancelled(eventId, command.reason()));
  }

  @CommandHandler
  public void handle(RetractDiplomaticEvent command) {
    requireNotRetracted("retracted again");
    apply(new DiplomaticEventRetracted(eventId, command.reason()));
  }

  private void requireNotRetracted(String toBe) {
    if (retracted) {
      throw new WrongStateException("eventId", "the event was retracted and cannot be " + toBe);
    }
  }

  private void requireScheduled(String toBe) {
    if (status != EventStatus.SCHEDULED) {
      throw new WrongStateException(
          "status", "only a scheduled event can be " + toBe + "; this one is " + status);
    }
  }

  /** Every participant is an actor on record; the same actor in the same part only once. */
  private static void checkParticipants(List<Participant> participants, References references) {
    Set<Participant> seen = new HashSet<>();
    for (int i = 0; i < participants.size(); i++) {
      String at = "participants[" + i + "]";
      Participant participant = participants.get(i);
      if (participant == null) {
        throw new RuleViolationException(at, "a participant is required");
      }
      ReferenceRules.requireActor(at + ".actorId", participant.actorId(), references);
      if (participant.part() == null) {
        throw new RuleViolationException(at + ".part", "a participant takes a part");
      }
      if (!seen.add(participant)) {
        throw new RuleViolationException(
            at, "actor '" + participant.actorId() + "' is listed twice as " + participant.part());
      }
    }
  }

  private static void addIf(List<String> changed, Object newValue, String field) {
    if (newValue != null) {
      changed.add(field);
    }
  }

  @EventSourcingHandler
  void on(DiplomaticEventRecorded event) {
    eventId = event.eventId();
    kind = event.kind();
    title = event.title();
    time = event.time();
    location = event.location();
    participants = event.participants();
    sources = event.sources();
    status = event.status();
  }

  @EventSourcingHandler
  void on(DiplomaticEventAmended event) {
    if (event.kind() != null) {
      kind = event.kind();
    }
    if (event.title() != null) {
      title = event.title();
    }
    if (event.time() != null) {
      time = event.time();
    }
    if (event.location() != null) {
      location = event.location();
    }
    if (event.participants() != null) {
      participants = event.participants();
    }
    if (event.sources() != null) {
      sources = event.sources();
    }
  }

  @EventSourcingHandler
  void on(DiplomaticEventHeld event) {
    status = EventStatus.TOOK_PLACE;
    if (event.time() != null) {
      time = event.time();
    }
  }

  @EventSourcingHandler
  void on(DiplomaticEventCancelled event) {
    status = EventStatus.CANCELLED;
  }

  @EventSourcingHandler
  void on(DiplomaticEventRetracted event) {
    retracted = true;
  }
}
