package org.entente.recorder.batching;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.actor.AssignRole;
import org.entente.api.actor.RecordMembership;
import org.entente.api.common.Citation;
import org.entente.api.common.ReportedBy;
import org.entente.api.event.AmendDiplomaticEvent;
import org.entente.api.event.Participant;
import org.entente.api.event.RecordDiplomaticEvent;
import org.entente.api.statement.CiteSource;
import org.entente.api.statement.CorrectStatement;
import org.entente.api.statement.RecordStatement;

/**
 * The other aggregates a command's rules look up (actors, sources, diplomatic events), so a batch
 * reads them all in two round trips instead of one query per reference. A reference missing here is
 * still checked, with a query of its own.
 *
 * @param read actors and sources, read as they are
 * @param events diplomatic events a statement is at: read and locked for share, as the rule "no
 *     statement at a retracted event" does one by one
 */
record ReferencedIds(List<String> read, List<String> events) {

  static ReferencedIds of(Object command) {
    List<String> read = new ArrayList<>();
    List<String> events = new ArrayList<>();
    if (command instanceof RecordStatement c) {
      read.add(c.speakerId());
      addAll(read, c.targetIds());
      citations(read, c.citations());
      events.add(c.eventId());
    } else if (command instanceof CorrectStatement c) {
      read.add(c.speakerId());
      addAll(read, c.targetIds());
      addAll(read, c.addTargetIds());
      events.add(c.eventId());
    } else if (command instanceof CiteSource c) {
      citations(read, c.citation() == null ? null : List.of(c.citation()));
    } else if (command instanceof RecordDiplomaticEvent c) {
      participants(read, c.participants());
      citations(read, c.sources());
    } else if (command instanceof AmendDiplomaticEvent c) {
      participants(read, c.participants());
      citations(read, c.sources());
    } else if (command instanceof RecordMembership c) {
      read.add(c.groupId());
    } else if (command instanceof AssignRole c) {
      read.add(c.atActorId());
    }
    read.removeIf(id -> id == null || id.isBlank());
    events.removeIf(id -> id == null || id.isBlank());
    return new ReferencedIds(read, events);
  }

  private static void participants(List<String> read, List<Participant> participants) {
    if (participants != null) {
      participants.forEach(p -> read.add(p == null ? null : p.actorId()));
    }
  }

  private static void citations(List<String> read, List<Citation> citations) {
    if (citations == null) {
      return;
    }
    for (Citation citation : citations) {
      if (citation == null) {
        continue;
      }
      read.add(citation.sourceId());
      if (citation.reportedBy() != null) {
        for (ReportedBy by : citation.reportedBy()) {
          if (by != null) {
            read.add(by.sourceId());
            read.add(by.actorId());
          }
        }
      }
    }
  }

  private static void addAll(List<String> read, List<String> ids) {
    if (ids != null) {
      read.addAll(ids);
    }
  }
}
