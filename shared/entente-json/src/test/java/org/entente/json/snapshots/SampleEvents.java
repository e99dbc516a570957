package org.entente.json.snapshots;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.actor.MembershipRecorded;
import org.entente.api.actor.RoleAssigned;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.Excerpt;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.TimePrecision;
import org.entente.api.common.Weight;
import org.entente.api.event.DiplomaticEventAmended;
import org.entente.api.event.DiplomaticEventCancelled;
import org.entente.api.event.DiplomaticEventHeld;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.event.DiplomaticEventRetracted;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.Participant;
import org.entente.api.event.ParticipantPart;
import org.entente.api.source.SourceRegistered;
import org.entente.api.statement.SourceCited;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementCorrected;
import org.entente.api.statement.StatementRecorded;
import org.entente.api.statement.StatementRetracted;
import org.entente.api.statement.TranslationAdded;

/**
 * One instance of every event type, with every field filled so that every field appears in its
 * stored form. Values come from the demo scenario.
 */
final class SampleEvents {

  private static final String SOURCE = "nos-2025-02-13-navo-defensieministers";
  private static final Citation CITATION =
      new Citation(
          SOURCE,
          new Excerpt(1234, 1288, "het zou beter zijn geweest als Amerika geen concessies"),
          AttributionGrade.NAMED_PARAPHRASE);
  private static final EventTime FEB_13 =
      new EventTime(Instant.parse("2025-02-13T00:00:00Z"), TimePrecision.DAY);
  private static final List<Participant> PARTICIPANTS =
      List.of(
          new Participant("mark-rutte", ParticipantPart.HOST),
          new Participant("pete-hegseth", ParticipantPart.GUEST));

  private SampleEvents() {}

  static List<Object> all() {
    return List.of(
        new ActorRegistered(
            "pete-hegseth",
            ActorKind.PERSON,
            "Pete Hegseth",
            List.of("Hegseth"),
            Map.of("wikidata", "Q0000001")),
        new RoleAssigned(
            "donald-trump",
            "President",
            "united-states",
            LocalDate.parse("2017-01-20"),
            LocalDate.parse("2021-01-20")),
        new MembershipRecorded(
            "united-kingdom", "eu", LocalDate.parse("1973-01-01"), LocalDate.parse("2020-01-31")),
        new SourceRegistered(
            SOURCE,
            "NOS",
            "https://example.org/snapshot-sample",
            "Crisis in de NAVO",
            Instant.parse("2025-02-13T00:00:00Z"),
            "nl",
            "De NAVO-top in Brussel is afgelopen.",
            "0f3c3e9b1bd0a6b0c8f5b5e1e8f1a7d6c2b4a3f5e6d7c8b9a0f1e2d3c4b5a697"),
        new DiplomaticEventRecorded(
            "rutte-hegseth-dinner-2025-02-12",
            EventKind.DINNER,
            "Dinner of Mark Rutte and Pete Hegseth",
            new EventTime(Instant.parse("2025-02-12T00:00:00Z"), TimePrecision.DAY),
            "Brussels",
            PARTICIPANTS,
            EventStatus.TOOK_PLACE,
            List.of(CITATION)),
        new DiplomaticEventAmended(
            "rutte-hegseth-dinner-2025-02-12",
            List.of("kind", "title", "time", "location", "participants", "sources"),
            EventKind.MEETING,
            "Working dinner",
            EventTime.instant(Instant.parse("2025-02-12T19:30:00Z")),
            "NATO headquarters, Brussels",
            PARTICIPANTS,
            List.of(CITATION),
            "a second source places the dinner at the headquarters"),
        new DiplomaticEventHeld(
            "nato-summit-2025-06-the-hague",
            new EventTime(Instant.parse("2025-06-24T00:00:00Z"), TimePrecision.DAY)),
        new DiplomaticEventCancelled("nato-summit-2025-06-the-hague", "postponed"),
        new DiplomaticEventRetracted("rutte-hegseth-dinner-2025-02-12", "recorded twice"),
        new StatementRecorded(
            "pistorius-us-concessions-to-russia",
            "boris-pistorius",
            "pistorius-statement-2025-02-13",
            List.of("united-states"),
            FEB_13,
            Stance.CRITICISM,
            "111",
            Weight.goldstein(-2.0),
            "none needed; shown for the stored form",
            List.of("russia-ukraine-negotiations"),
            new LocalizedText("nl", "het zou beter zijn geweest"),
            List.of(new LocalizedText("en", "it would have been better")),
            List.of(CITATION)),
        new StatementCorrected(
            "pistorius-us-concessions-to-russia",
            List.of(
                "speakerId",
                "eventId",
                "targetIds",
                "saidAt",
                "stance",
                "cameoCode",
                "weight",
                "weightOverrideReason",
                "topics",
                "original"),
            "boris-pistorius",
            "nato-defence-ministers-2025-02",
            List.of("united-states", "pete-hegseth"),
            FEB_13,
            Stance.ACCUSATION,
            "112",
            new Weight(-1.0, Weight.PLOVER, "2.0"),
            "coded on the PLOVER scale",
            List.of("us-concessions-to-russia"),
            new LocalizedText("nl", "Het zou beter zijn geweest."),
            "the statement was made at the meeting"),
        new StatementRetracted("pistorius-us-concessions-to-russia", "misattributed"),
        new TranslationAdded(
            "kallas-dirty-deal",
            new LocalizedText("de", "Ein Deal hinter unserem Rücken ist ein schmutziger Deal."),
            "demo-translator"),
        new SourceCited("kallas-dirty-deal", CITATION));
  }
}
