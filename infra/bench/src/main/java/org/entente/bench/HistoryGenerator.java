package org.entente.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A realistic synthetic diplomatic history as NDJSON import lines ({@code POST /api/import}), each
 * line one command that the service accepts and that stores one event.
 *
 * <p>Thousands of actors (states, alliances and organisations, persons), alliances whose
 * memberships change over time (members leave and rejoin, new periods arrive while the history is
 * being recorded), persons holding roles at states and alliances, sources with texts that
 * statements cite by exact excerpt (code-point offsets and the quoted words) with an attribution
 * grade, diplomatic events that are scheduled, held, cancelled or retracted, statements coded with
 * real CAMEO codes and their Goldstein weights, mostly between members of a shared alliance (so
 * cohesion moves), event times slightly out of order, corrections, translations and retractions.
 *
 * <p>Deterministic: the same seed and size give the same lines. Only the published HTTP/NDJSON
 * shapes are used (services/recorder/README.md), never the service's classes.
 */
public final class HistoryGenerator {

  static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
  static final String[] LANGUAGES = {"en", "fr", "de", "nl", "es"};
  static final String[] GRADES = {
    "DIRECT_QUOTE",
    "OFFICIAL_TRANSCRIPT",
    "NAMED_PARAPHRASE",
    "ANONYMOUS_DESCRIBED",
    "ANONYMOUS_UNDESCRIBED",
    "SECOND_HAND_MEDIA",
    "ALLEGED_UNCONFIRMED"
  };
  static final String[] EVENT_KINDS = {
    "SPEECH",
    "DINNER",
    "MEETING",
    "SUMMIT",
    "PRESS_CONFERENCE",
    "PHONE_CALL",
    "VISIT",
    "NEGOTIATION",
    "AGREEMENT",
    "CEREMONY"
  };
  static final String[] TOPICS = {
    "defence-spending", "sanctions", "energy-security", "trade", "migration", "climate",
    "enlargement", "arms-control", "cyber", "ukraine", "middle-east", "nuclear-deterrence",
    "alliance-unity", "tariffs", "humanitarian-aid", "maritime-security"
  };
  private static final String[] WORDS = {
    "the",
    "minister",
    "said",
    "alliance",
    "partners",
    "would",
    "not",
    "accept",
    "any",
    "deal",
    "without",
    "Europe",
    "at",
    "table",
    "spending",
    "must",
    "rise",
    "talks",
    "sovereignty",
    "security",
    "sanctions",
    "remain",
    "in",
    "place",
    "until",
    "agreement",
    "is",
    "reached",
    "delegation",
    "rejected",
    "proposal",
    "welcomed",
    "commitment",
    "summit",
    "communiqué",
    "négociations",
    "sécurité",
    "Verteidigung",
    "bondgenoten",
    "urged",
    "restraint",
    "troops",
    "border",
    "ceasefire",
    "aid",
    "package",
    "we",
    "stand",
    "with",
    "our",
    "allies",
    "deeply",
    "concerned",
    "about",
    "escalation",
    "treaty",
    "obligations",
    "unacceptable",
    "progress"
  };

  /** Sizes derived from the number of events wanted; at least a small world for tiny runs. */
  public record Shape(int states, int groups, int persons, int sources) {

    public static Shape forEvents(int events) {
      return new Shape(
          clamp(events / 250, 12, 2_000),
          clamp(events / 2_500, 3, 300),
          clamp(events / 40, 20, 25_000),
          clamp(events / 60, 5, 20_000));
    }

    private static int clamp(int value, int min, int max) {
      return Math.max(min, Math.min(max, value));
    }
  }

  /** A membership period; {@code to} null while it lasts. */
  public record Membership(String actorId, String groupId, LocalDate from, LocalDate to) {}

  /** A role period of a person at a state or group; {@code to} null while it lasts. */
  public record Role(String personId, String atActorId, LocalDate from, LocalDate to) {}

  private record SourceText(String id, String text, List<int[]> sentences) {}

  private final ObjectMapper json = new ObjectMapper();
  private final SplittableRandom random;
  private final int events;
  private final Shape shape;
  private final List<Cameo.Code> codes;

  private final List<String> states = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();
  private final List<String> persons = new ArrayList<>();
  private final Map<String, String> personState = new LinkedHashMap<>();
  private final List<Membership> memberships = new ArrayList<>();
  private final List<Role> roles = new ArrayList<>();
  private final java.util.Set<String> membershipKeys = new java.util.HashSet<>();
  private final Map<String, List<String>> membersOf = new LinkedHashMap<>();
  private final List<SourceText> sources = new ArrayList<>();
  private final List<String> eventIds = new ArrayList<>();
  private final List<Boolean> eventDoomed = new ArrayList<>();
  private final List<Boolean> eventOpen = new ArrayList<>();
  private final List<String> statementIds = new ArrayList<>();
  private final List<Byte> statementLanguages = new ArrayList<>();
  private final List<Boolean> statementRetracted = new ArrayList<>();
  private final Map<String, Integer> commandCounts = new LinkedHashMap<>();
  private int lines;
  private int corrections;
  private int extraStatements;

  public HistoryGenerator(long seed, int events, Cameo cameo) {
    this.random = new SplittableRandom(seed);
    this.events = events;
    this.shape = Shape.forEvents(events);
    this.codes = cameo.specific();
  }

  public Shape shape() {
    return shape;
  }

  public List<String> states() {
    return states;
  }

  public List<String> groups() {
    return groups;
  }

  public List<String> persons() {
    return persons;
  }

  public List<Membership> memberships() {
    return memberships;
  }

  public List<Role> roles() {
    return roles;
  }

  /** How many lines of each command were written. */
  public Map<String, Integer> commandCounts() {
    return commandCounts;
  }

  public int lines() {
    return lines;
  }

  /**
   * Writes the whole history, about {@code events} lines (one event each), to {@code out} in an
   * order the service accepts: actors before the memberships, roles and statements naming them,
   * sources before citations, events before statements made at them.
   */
  public void write(Consumer<String> out) {
    for (int i = 0; i < shape.states(); i++) {
      String id = "state-" + i;
      states.add(id);
      emit(out, "RegisterActor", id, actor(id, "STATE", "State " + name(i)));
    }
    for (int i = 0; i < shape.groups(); i++) {
      String id = "group-" + i;
      groups.add(id);
      membersOf.put(id, new ArrayList<>());
      emit(
          out,
          "RegisterActor",
          id,
          actor(id, i % 4 == 3 ? "ORGANISATION" : "ALLIANCE", "Alliance " + name(i + 7)));
    }
    for (String group : groups) {
      int size = Math.min(states.size(), 5 + random.nextInt(36));
      for (String state : pick(states, size)) {
        membershipPeriods(out, state, group);
      }
    }
    for (int i = 0; i < shape.persons(); i++) {
      String id = "person-" + i;
      persons.add(id);
      emit(out, "RegisterActor", id, actor(id, "PERSON", "Person " + name(i + 13)));
    }
    for (String person : persons) {
      boolean atGroup = random.nextInt(5) == 0;
      String at = atGroup ? groups.get(random.nextInt(groups.size())) : oneOf(states);
      if (!atGroup) {
        personState.put(person, at);
      }
      LocalDate from = day(random.nextInt(dayCount() / 2));
      LocalDate to = random.nextInt(3) == 0 ? from.plusDays(200 + random.nextInt(1500)) : null;
      role(out, person, at, from, to);
      if (to != null && random.nextBoolean()) {
        role(out, person, at, to.plusDays(1 + random.nextInt(60)), null);
      }
    }
    for (int i = 0; i < Math.max(2, shape.sources() / 10); i++) {
      source(out);
    }
    while (lines < events) {
      double position = (double) lines / events;
      int roll = random.nextInt(1000);
      if (roll < 70) {
        diplomaticEvent(out, position);
      } else if (roll < 85 && !eventIds.isEmpty()) {
        eventFollowUp(out);
      } else if (roll < 100 || sources.size() < shape.sources() * position) {
        source(out);
      } else if (roll < 115) {
        lateMembership(out);
      } else if (roll < 160 && statementIds.size() > 10) {
        correction(out);
      } else if (roll < 180 && statementIds.size() > 10) {
        translation(out);
      } else if (roll < 190 && statementIds.size() > 10) {
        retraction(out);
      } else {
        statement(out, "stmt-" + statementIds.size(), position);
      }
    }
  }

  /**
   * A fresh {@code RecordStatement} body (for {@code POST /api/statements}) citing actors and
   * sources of the history already written; call after {@link #write}.
   */
  public synchronized ObjectNode nextStatement(String statementId) {
    extraStatements++;
    return statementBody(statementId, random.nextDouble(), false);
  }

  /** The state a person speaks for, or none when the person's role is at a group. */
  public Map<String, String> personStates() {
    return personState;
  }

  public List<String> members(String groupId) {
    return membersOf.getOrDefault(groupId, List.of());
  }

  // --- actors, memberships, roles -------------------------------------------------------------

  private ObjectNode actor(String id, String kind, String name) {
    ObjectNode body = json.createObjectNode();
    body.put("actorId", id);
    body.put("kind", kind);
    body.put("name", name);
    if (random.nextInt(3) == 0) {
      body.putArray("aliases").add(name.toUpperCase());
    }
    if (random.nextInt(4) == 0) {
      body.putObject("externalIds").put("wikidata", "Q" + (1 + random.nextInt(9_999_999)));
    }
    return body;
  }

  /** One to three disjoint periods: members leave and rejoin. */
  private void membershipPeriods(Consumer<String> out, String state, String group) {
    LocalDate from = day(random.nextInt(dayCount() / 3));
    int periods = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
    for (int p = 0; p < periods; p++) {
      boolean last = p == periods - 1;
      LocalDate to =
          last && random.nextInt(3) > 0 ? null : from.plusDays(300 + random.nextInt(900));
      membership(out, state, group, from, to);
      if (to == null) {
        break;
      }
      from = to.plusDays(30 + random.nextInt(400));
    }
  }

  private void membership(
      Consumer<String> out, String actor, String group, LocalDate from, LocalDate to) {
    ObjectNode body = json.createObjectNode();
    body.put("actorId", actor);
    body.put("groupId", group);
    body.put("from", from.toString());
    if (to != null) {
      body.put("to", to.toString());
    }
    memberships.add(new Membership(actor, group, from, to));
    membershipKeys.add(actor + "/" + group + "/" + from);
    if (!membersOf.get(group).contains(actor)) {
      membersOf.get(group).add(actor);
    }
    emit(out, "RecordMembership", "m-" + actor + "-" + group + "-" + from, body);
  }

  /** A new member recorded while the history is being recorded: memberships change over time. */
  private void lateMembership(Consumer<String> out) {
    String group = oneOf(groups);
    String state = oneOf(states);
    LocalDate from = LAST_DAY.minusDays(random.nextInt(dayCount() / 2));
    while (membershipKeys.contains(state + "/" + group + "/" + from)) {
      from = from.minusDays(1);
    }
    membership(out, state, group, from, random.nextBoolean() ? null : from.plusDays(365));
  }

  private void role(Consumer<String> out, String person, String at, LocalDate from, LocalDate to) {
    ObjectNode body = json.createObjectNode();
    body.put("actorId", person);
    body.put("title", random.nextBoolean() ? "Minister of Foreign Affairs" : "Minister of Defence");
    body.put("atActorId", at);
    body.put("from", from.toString());
    if (to != null) {
      body.put("to", to.toString());
    }
    roles.add(new Role(person, at, from, to));
    emit(out, "AssignRole", "r-" + person + "-" + from, body);
  }

  // --- sources ------------------------------------------------------------------------------

  private void source(Consumer<String> out) {
    String id = "src-" + sources.size();
    StringBuilder text = new StringBuilder();
    List<int[]> sentences = new ArrayList<>();
    int count = 6 + random.nextInt(10);
    for (int s = 0; s < count; s++) {
      int start = text.codePointCount(0, text.length());
      String sentence = sentence();
      text.append(sentence);
      sentences.add(new int[] {start, start + sentence.codePointCount(0, sentence.length())});
      text.append(s % 4 == 3 ? "\n\n" : " ");
    }
    SourceText source = new SourceText(id, text.toString(), sentences);
    sources.add(source);
    ObjectNode body = json.createObjectNode();
    body.put("sourceId", id);
    body.put("publisher", "Publisher " + name(random.nextInt(200)));
    body.put("url", "https://news.example.org/" + id);
    body.put("title", "Report " + id + ": " + sentence());
    body.put("publishedAt", instant(day(random.nextInt(dayCount()))).toString());
    body.put("language", "en");
    body.put("text", source.text());
    emit(out, "RegisterSource", id, body);
  }

  private String sentence() {
    int words = 8 + random.nextInt(16);
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      s.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
      s.append(w == words - 1 ? "." : " ");
    }
    return s.toString();
  }

  private ArrayNode citations(int howMany) {
    ArrayNode citations = json.createArrayNode();
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (int c = 0; c < howMany; c++) {
      // recent sources mostly, as news is cited while it is fresh
      int index = sources.size() - 1 - Math.min(sources.size() - 1, random.nextInt(30));
      SourceText source = sources.get(index);
      int sentence = random.nextInt(source.sentences().size());
      if (!seen.add(source.id() + "#" + sentence)) {
        continue;
      }
      int[] span = source.sentences().get(sentence);
      ObjectNode citation = citations.addObject();
      citation.put("sourceId", source.id());
      ObjectNode excerpt = citation.putObject("excerpt");
      excerpt.put("start", span[0]);
      excerpt.put("end", span[1]);
      excerpt.put("quote", codePoints(source.text(), span[0], span[1]));
      citation.put("grade", GRADES[random.nextInt(GRADES.length)]);
    }
    return citations;
  }

  static String codePoints(String text, int start, int end) {
    int from = text.offsetByCodePoints(0, start);
    return text.substring(from, text.offsetByCodePoints(from, end - start));
  }

  // --- diplomatic events --------------------------------------------------------------------

  private void diplomaticEvent(Consumer<String> out, double position) {
    String id = "ev-" + eventIds.size();
    ObjectNode body = json.createObjectNode();
    body.put("eventId", id);
    String kind = EVENT_KINDS[random.nextInt(EVENT_KINDS.length)];
    body.put("kind", kind);
    body.put("title", kind.toLowerCase().replace('_', ' ') + " " + id);
    ObjectNode time = body.putObject("time");
    time.put("at", instant(dayAt(position)).toString());
    time.put("precision", "DAY");
    body.put("location", "City " + name(random.nextInt(500)));
    ArrayNode participants = body.putArray("participants");
    String group = oneOf(groups);
    List<String> members = members(group);
    if (random.nextInt(3) == 0) {
      participants.addObject().put("actorId", group).put("part", "HOST");
    }
    for (String actor : pick(members.isEmpty() ? states : members, 2 + random.nextInt(5))) {
      participants.addObject().put("actorId", actor).put("part", "ATTENDEE");
    }
    if (!persons.isEmpty()) {
      participants.addObject().put("actorId", oneOf(persons)).put("part", "SPEAKER");
    }
    boolean scheduled = random.nextInt(4) == 0;
    body.put("status", scheduled ? "SCHEDULED" : "TOOK_PLACE");
    body.set("sources", citations(1));
    eventIds.add(id);
    eventDoomed.add(random.nextInt(50) == 0);
    eventOpen.add(scheduled);
    emit(out, "RecordDiplomaticEvent", id, body);
  }

  /** Held or cancelled (when scheduled), or retracted (only events no statement was made at). */
  private void eventFollowUp(Consumer<String> out) {
    int index = eventIds.size() - 1 - random.nextInt(Math.min(eventIds.size(), 200));
    String id = eventIds.get(index);
    if (eventDoomed.get(index)) {
      eventDoomed.set(index, false);
      eventOpen.set(index, false);
      eventIds.set(index, null);
      ObjectNode body = json.createObjectNode().put("eventId", id);
      body.put("reason", "recorded in error: the meeting never took place");
      emit(out, "RetractDiplomaticEvent", id + "-retracted", body);
    } else if (id != null && eventOpen.get(index)) {
      eventOpen.set(index, false);
      ObjectNode body = json.createObjectNode().put("eventId", id);
      if (random.nextInt(5) == 0) {
        body.put("reason", "postponed indefinitely");
        emit(out, "CancelDiplomaticEvent", id + "-cancelled", body);
      } else {
        emit(out, "MarkDiplomaticEventHeld", id + "-held", body);
      }
    } else {
      statement(out, "stmt-" + statementIds.size(), random.nextDouble());
    }
  }

  // --- statements ---------------------------------------------------------------------------

  private void statement(Consumer<String> out, String id, double position) {
    ObjectNode body = statementBody(id, position, true);
    statementIds.add(id);
    statementLanguages.add((byte) indexOf(LANGUAGES, body.path("original").path("language")));
    statementRetracted.add(false);
    emit(out, "RecordStatement", id, body);
  }

  private ObjectNode statementBody(String id, double position, boolean atEvents) {
    ObjectNode body = json.createObjectNode();
    body.put("statementId", id);
    // speakers are mostly persons speaking for their state; the rest states themselves
    String speaker = random.nextInt(10) < 7 ? oneOf(persons) : oneOf(states);
    String speakerState = personState.getOrDefault(speaker, speaker);
    body.put("speakerId", speaker);
    if (atEvents && !eventIds.isEmpty() && random.nextInt(10) < 3) {
      int index = eventIds.size() - 1 - random.nextInt(Math.min(eventIds.size(), 50));
      if (eventIds.get(index) != null && !eventDoomed.get(index)) {
        body.put("eventId", eventIds.get(index));
      }
    }
    ArrayNode targets = body.putArray("targetIds");
    // most statements are addressed to fellow members of an alliance the speaker belongs to
    String group = oneOf(groups);
    List<String> members = members(group);
    List<String> pool = members.size() > 2 && random.nextInt(10) < 8 ? members : states;
    LinkedHashSet<String> chosen = new LinkedHashSet<>();
    int wanted = 1 + random.nextInt(3);
    for (int attempt = 0; attempt < 10 && chosen.size() < wanted; attempt++) {
      String target = oneOf(pool);
      if (!target.equals(speaker) && !target.equals(speakerState)) {
        chosen.add(target);
      }
    }
    if (random.nextInt(8) == 0) {
      chosen.add(group);
    }
    if (chosen.isEmpty()) {
      chosen.add(group);
    }
    chosen.forEach(targets::add);
    ObjectNode saidAt = body.putObject("saidAt");
    saidAt.put("at", instant(dayAt(position)).plusSeconds(random.nextInt(86_400)).toString());
    saidAt.put("precision", random.nextInt(5) == 0 ? "DAY" : "INSTANT");
    if (saidAt.get("precision").asText().equals("DAY")) {
      saidAt.put("at", instant(dayAt(position)).toString());
    }
    Cameo.Code code = codes.get(random.nextInt(codes.size()));
    coding(body, code);
    ArrayNode topics = body.putArray("topics");
    topics.add(TOPICS[random.nextInt(TOPICS.length)]);
    if (random.nextBoolean()) {
      String second = TOPICS[random.nextInt(TOPICS.length)];
      if (!second.equals(topics.get(0).asText())) {
        topics.add(second);
      }
    }
    int language = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(LANGUAGES.length - 1);
    body.putObject("original").put("language", LANGUAGES[language]).put("text", sentence());
    if (language != 0) {
      body.putArray("translations").addObject().put("language", "en").put("text", sentence());
    }
    body.set("citations", citations(1 + (random.nextInt(4) == 0 ? 1 : 0)));
    return body;
  }

  private static void coding(ObjectNode body, Cameo.Code code) {
    body.put("stance", Cameo.stanceOf(code));
    body.put("cameoCode", code.code());
    ObjectNode weight = body.putObject("weight");
    weight.put("value", code.goldstein());
    weight.put("scale", Cameo.SCALE);
    weight.put("scaleVersion", Cameo.SCALE_VERSION);
  }

  private int liveStatement() {
    for (int attempt = 0; attempt < 20; attempt++) {
      int index = statementIds.size() - 1 - random.nextInt(Math.min(statementIds.size(), 5_000));
      if (!statementRetracted.get(index)) {
        return index;
      }
    }
    return -1;
  }

  /** A correction that always changes something: a new topic, sometimes a new coding too. */
  private void correction(Consumer<String> out) {
    int index = liveStatement();
    if (index < 0) {
      statement(out, "stmt-" + statementIds.size(), random.nextDouble());
      return;
    }
    String id = statementIds.get(index);
    ObjectNode body = json.createObjectNode();
    body.put("statementId", id);
    body.putArray("topics")
        .add(TOPICS[random.nextInt(TOPICS.length)])
        .add("correction-" + corrections++);
    if (random.nextInt(3) == 0) {
      coding(body, codes.get(random.nextInt(codes.size())));
    }
    body.put("reason", "the source's follow-up report clarified the subject");
    emit(out, "CorrectStatement", id + "-c" + corrections, body);
  }

  private void translation(Consumer<String> out) {
    int index = liveStatement();
    int have = index < 0 ? -1 : statementLanguages.get(index);
    // statements in English get one translation into Dutch; others have English already
    if (index < 0 || have != 0) {
      statement(out, "stmt-" + statementIds.size(), random.nextDouble());
      return;
    }
    statementLanguages.set(index, (byte) 99);
    ObjectNode body = json.createObjectNode();
    body.put("statementId", statementIds.get(index));
    body.putObject("translation").put("language", "nl").put("text", sentence());
    body.put("translator", "bench translator");
    emit(out, "AddTranslation", statementIds.get(index) + "-nl", body);
  }

  private void retraction(Consumer<String> out) {
    int index = liveStatement();
    if (index < 0) {
      statement(out, "stmt-" + statementIds.size(), random.nextDouble());
      return;
    }
    statementRetracted.set(index, true);
    ObjectNode body = json.createObjectNode();
    body.put("statementId", statementIds.get(index));
    body.put("reason", "the source withdrew the report");
    emit(out, "RetractStatement", statementIds.get(index) + "-retracted", body);
  }

  // --- helpers ------------------------------------------------------------------------------

  private void emit(Consumer<String> out, String command, String key, ObjectNode body) {
    ObjectNode line = json.createObjectNode();
    line.put("command", command);
    line.put("idempotencyKey", "bench-" + key);
    line.set("body", body);
    lines++;
    commandCounts.merge(command, 1, Integer::sum);
    try {
      out.accept(json.writeValueAsString(line));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int indexOf(String[] values, com.fasterxml.jackson.databind.JsonNode node) {
    for (int i = 0; i < values.length; i++) {
      if (values[i].equals(node.asText())) {
        return i;
      }
    }
    return -1;
  }

  private <T> T oneOf(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private <T> List<T> pick(List<T> values, int count) {
    LinkedHashSet<T> picked = new LinkedHashSet<>();
    int n = Math.min(count, values.size());
    while (picked.size() < n) {
      picked.add(oneOf(values));
    }
    return new ArrayList<>(picked);
  }

  private static int dayCount() {
    return (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay());
  }

  private static LocalDate day(int offset) {
    return FIRST_DAY.plusDays(Math.max(0, Math.min(dayCount(), offset)));
  }

  /** Event time follows the recording order, give or take a month: some arrive out of order. */
  private LocalDate dayAt(double position) {
    return day((int) (position * dayCount()) + random.nextInt(61) - 30);
  }

  private static Instant instant(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private static String name(int i) {
    String[] syllables = {"ka", "lo", "mi", "re", "sa", "tu", "vo", "ne", "da", "pi", "ro", "su"};
    StringBuilder s = new StringBuilder();
    int n = i;
    do {
      s.append(syllables[n % syllables.length]);
      n /= syllables.length;
    } while (n > 0);
    s.append("-").append(i);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
