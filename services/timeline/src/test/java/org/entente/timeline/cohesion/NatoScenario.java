package org.entente.timeline.cohesion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.Participant;
import org.entente.api.event.ParticipantPart;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementRecorded;

/**
 * The demo scenario's facts that move NATO's cohesion (the NOS report on the defence ministers'
 * meeting in Brussels, 12–13 February 2025; see shared/seed), encoded here so the test does not
 * depend on the demo data set: the 32 members with their accession dates, "European allies and
 * Canada", the EU, the persons with their roles, the events and the statements with honest
 * attribution grades. Everything is recorded on 13 Feb 2025 from 18:00 UTC, one second apart.
 */
final class NatoScenario {

  static final String NATO = "nato";
  static final String ALLIES = "european-allies-and-canada";
  static final String EU = "eu";
  static final String SOURCE = "nos-2025-02-13-navo-crisis";
  static final String MEETING = "nato-defence-ministers-meeting-2025-02-13";
  static final String DINNER = "rutte-hegseth-dinner-2025-02-12";
  static final String CRITICISM = "allies-criticism-conveyed-to-hegseth";
  static final String DEMAND = "trump-five-percent-demand";
  static final String RESET = "hegseth-reset";
  static final String PISTORIUS = "pistorius-concessions-to-russia";
  static final String KALLAS = "kallas-dirty-deal";
  static final String PROUD = "hegseth-proud-nato-member";
  static final String RUTTE_TONE = "rutte-addresses-hegseth-tone";

  static final Instant RECORDED_FROM = Instant.parse("2025-02-13T18:00:00Z");

  /** The members and the day each joined (founders on 1949-08-24, when the treaty took effect). */
  static final Map<String, LocalDate> MEMBERS =
      Map.ofEntries(
          Map.entry("be", LocalDate.parse("1949-08-24")),
          Map.entry("ca", LocalDate.parse("1949-08-24")),
          Map.entry("dk", LocalDate.parse("1949-08-24")),
          Map.entry("fr", LocalDate.parse("1949-08-24")),
          Map.entry("is", LocalDate.parse("1949-08-24")),
          Map.entry("it", LocalDate.parse("1949-08-24")),
          Map.entry("lu", LocalDate.parse("1949-08-24")),
          Map.entry("nl", LocalDate.parse("1949-08-24")),
          Map.entry("no", LocalDate.parse("1949-08-24")),
          Map.entry("pt", LocalDate.parse("1949-08-24")),
          Map.entry("gb", LocalDate.parse("1949-08-24")),
          Map.entry("us", LocalDate.parse("1949-08-24")),
          Map.entry("gr", LocalDate.parse("1952-02-18")),
          Map.entry("tr", LocalDate.parse("1952-02-18")),
          Map.entry("de", LocalDate.parse("1955-05-06")),
          Map.entry("es", LocalDate.parse("1982-05-30")),
          Map.entry("cz", LocalDate.parse("1999-03-12")),
          Map.entry("hu", LocalDate.parse("1999-03-12")),
          Map.entry("pl", LocalDate.parse("1999-03-12")),
          Map.entry("bg", LocalDate.parse("2004-03-29")),
          Map.entry("ee", LocalDate.parse("2004-03-29")),
          Map.entry("lv", LocalDate.parse("2004-03-29")),
          Map.entry("lt", LocalDate.parse("2004-03-29")),
          Map.entry("ro", LocalDate.parse("2004-03-29")),
          Map.entry("sk", LocalDate.parse("2004-03-29")),
          Map.entry("si", LocalDate.parse("2004-03-29")),
          Map.entry("al", LocalDate.parse("2009-04-01")),
          Map.entry("hr", LocalDate.parse("2009-04-01")),
          Map.entry("me", LocalDate.parse("2017-06-05")),
          Map.entry("mk", LocalDate.parse("2020-03-27")),
          Map.entry("fi", LocalDate.parse("2023-04-04")),
          Map.entry("se", LocalDate.parse("2024-03-07")));

  private final List<Recorded> events = new ArrayList<>();
  private Instant clock = RECORDED_FROM;

  private NatoScenario() {}

  static List<Recorded> events() {
    NatoScenario s = new NatoScenario();
    s.build();
    return List.copyOf(s.events);
  }

  static EventTime day(String date) {
    return new EventTime(
        LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC), TimePrecision.DAY);
  }

  private void build() {
    add(new ActorRegistered(NATO, ActorKind.ALLIANCE, "NATO", List.of("NAVO"), Map.of()));
    add(
        new ActorRegistered(
            ALLIES, ActorKind.GROUP, "European allies and Canada", List.of(), Map.of()));
    add(new ActorRegistered(EU, ActorKind.ORGANISATION, "European Union", List.of("EU"), Map.of()));
    MEMBERS.keySet().stream()
        .sorted()
        .forEach(
            state -> {
              add(
                  new ActorRegistered(
                      state, ActorKind.STATE, state.toUpperCase(), List.of(), Map.of()));
              add(new MembershipRecorded(state, NATO, MEMBERS.get(state), null));
              if (!state.equals("us")) {
                add(new MembershipRecorded(state, ALLIES, MEMBERS.get(state), null));
              }
            });
    person("hegseth", "Pete Hegseth", "Secretary of Defense", "us", "2025-01-25");
    person("trump", "Donald Trump", "President", "us", "2025-01-20");
    person("pistorius", "Boris Pistorius", "Federal Minister of Defence", "de", "2023-01-19");
    person("rutte", "Mark Rutte", "Secretary General", NATO, "2024-10-01");
    person("kallas", "Kaja Kallas", "High Representative", EU, "2024-12-01");

    List<Participant> meeting = new ArrayList<>();
    meeting.add(new Participant("rutte", ParticipantPart.HOST));
    meeting.add(new Participant("hegseth", ParticipantPart.ATTENDEE));
    meeting.add(new Participant("pistorius", ParticipantPart.ATTENDEE));
    MEMBERS.keySet().stream()
        .filter(s -> !s.equals("us") && !s.equals("de"))
        .sorted()
        .forEach(s -> meeting.add(new Participant(s, ParticipantPart.ATTENDEE)));
    event(
        "family-photo-2025-02-13",
        EventKind.CEREMONY,
        "Family photo",
        "2025-02-13",
        meeting,
        0,
        60);
    event(
        "hegseth-speech-2025-02-12",
        EventKind.SPEECH,
        "Hegseth addresses his 31 colleagues",
        "2025-02-12",
        List.of(new Participant("hegseth", ParticipantPart.SPEAKER)),
        380,
        470);
    event(
        MEETING,
        EventKind.MEETING,
        "Meeting of NATO defence ministers",
        "2025-02-13",
        meeting,
        1420,
        1530);
    event(
        DINNER,
        EventKind.DINNER,
        "Rutte and Hegseth dine together",
        "2025-02-12",
        List.of(
            new Participant("rutte", ParticipantPart.HOST),
            new Participant("hegseth", ParticipantPart.GUEST)),
        1531,
        1575);
    event(
        "the-hague-summit-2025-06",
        EventKind.SUMMIT,
        "NATO summit in The Hague",
        "2025-06-24",
        List.of(new Participant("rutte", ParticipantPart.HOST)),
        2400,
        2460,
        EventStatus.SCHEDULED);

    statement(
        PISTORIUS,
        "pistorius",
        null,
        List.of("us"),
        "2025-02-13",
        Stance.CRITICISM,
        "110",
        -2.0,
        AttributionGrade.NAMED_PARAPHRASE,
        1000,
        1160);
    statement(
        KALLAS,
        "kallas",
        null,
        List.of("us"),
        "2025-02-13",
        Stance.CRITICISM,
        "111",
        -2.0,
        AttributionGrade.DIRECT_QUOTE,
        1220,
        1360);
    statement(
        CRITICISM,
        ALLIES,
        MEETING,
        List.of("hegseth"),
        "2025-02-13",
        Stance.CRITICISM,
        "111",
        -2.0,
        AttributionGrade.ANONYMOUS_DESCRIBED,
        1362,
        1460);
    statement(
        RUTTE_TONE,
        "rutte",
        DINNER,
        List.of("hegseth"),
        "2025-02-12",
        Stance.CRITICISM,
        "110",
        -2.0,
        AttributionGrade.ALLEGED_UNCONFIRMED,
        1531,
        1660);
    statement(
        PROUD,
        "hegseth",
        null,
        List.of(NATO),
        "2025-02-13",
        Stance.COMMITMENT,
        "030",
        4.0,
        AttributionGrade.NAMED_PARAPHRASE,
        1890,
        1990);
    statement(
        RESET,
        "hegseth",
        null,
        List.of(ALLIES),
        "2025-02-13",
        Stance.APPEAL,
        "0242",
        -0.3,
        AttributionGrade.NAMED_PARAPHRASE,
        2060,
        2200);
    statement(
        DEMAND,
        "trump",
        null,
        List.of(ALLIES),
        "2025-02-13",
        Stance.DEMAND,
        "1042",
        -5.0,
        AttributionGrade.NAMED_PARAPHRASE,
        2270,
        2360);
  }

  private void person(String id, String name, String title, String at, String from) {
    add(new ActorRegistered(id, ActorKind.PERSON, name, List.of(), Map.of()));
    add(new RoleAssigned(id, title, at, LocalDate.parse(from), null));
  }

  private void event(
      String id,
      EventKind kind,
      String title,
      String date,
      List<Participant> parts,
      int start,
      int end) {
    event(id, kind, title, date, parts, start, end, EventStatus.TOOK_PLACE);
  }

  private void event(
      String id,
      EventKind kind,
      String title,
      String date,
      List<Participant> parts,
      int start,
      int end,
      EventStatus status) {
    add(
        new DiplomaticEventRecorded(
            id,
            kind,
            title,
            day(date),
            "Brussels",
            parts,
            status,
            List.of(
                new Citation(
                    SOURCE, new Excerpt(start, end, null), AttributionGrade.NAMED_PARAPHRASE))));
  }

  private void statement(
      String id,
      String speaker,
      String eventId,
      List<String> targets,
      String date,
      Stance stance,
      String code,
      double weight,
      AttributionGrade grade,
      int start,
      int end) {
    add(
        new StatementRecorded(
            id,
            speaker,
            eventId,
            targets,
            day(date),
            stance,
            code,
            Weight.goldstein(weight),
            null,
            List.of("defence"),
            new LocalizedText("nl", "(see source excerpt)"),
            List.of(),
            List.of(new Citation(SOURCE, new Excerpt(start, end, null), grade))));
  }

  private void add(Object payload) {
    events.add(new Recorded(payload, clock, "msg-" + events.size()));
    clock = clock.plusSeconds(1);
  }
}
