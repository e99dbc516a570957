package org.entente.standalone.fuzz;

import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators of malformed, oversized, wrongly typed and hostile requests to every
 * write and query endpoint. Each request starts from a valid one (ids of the seeded records, fresh
 * ids for creations) and is usually spoiled in one way: a hostile string or number or time at one
 * leaf, a wrong type, a missing or unknown field, a huge value or list, a broken body, hostile
 * headers, a hostile path id or query parameter, a wrong method. Some stay valid, so the store
 * grows and the checks run against real records.
 */
final class HostileRequests {

  /** One HTTP request to send. {@code write} when a 2xx answer stores events. */
  record Request(
      String method,
      String path,
      Map<String, String> headers,
      byte[] body,
      boolean write,
      boolean importing,
      String label) {

    @Override
    public String toString() {
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      return label
          + " "
          + method
          + " "
          + path
          + " "
          + headers
          + " "
          + (text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + ")" : text);
    }
  }

  /** Ids of records created before the run, so follow-up commands can be valid. */
  record Seed(
      String person, String state, String group, String source, String event, String statement) {}

  static final String SOURCE_TEXT = "Kaja Kallas: \"Je kunt niet alles van de tafel halen.\"";
  static final String QUOTE = "Je kunt niet alles van de tafel halen.";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Strings that no view may choke on. */
  private static final List<String> HOSTILE_STRINGS =
      List.of(
          "a\u0000b",
          "\u0000",
          "x\u0001\u0002\u001b[31m",
          "line\nbreak",
          "tab\tbed",
          "cr\rlf",
          "\u007f\u0085\u009f",
          "\ud800",
          "lone low \udc00 surrogate",
          "\udbff\udfff",
          "😀🇳🇱",
          "\u202eevil\u202c",
          "\ufeffbom",
          "\uffff\ufffe",
          "'; drop table domain_event_entry; --",
          "\\",
          "\\\\",
          "%",
          "_%\\",
          "%00",
          "%5C",
          "../../etc/passwd",
          "<script>alert(1)</script>",
          "${jndi:ldap://x/a}",
          "",
          " ",
          "   \t ",
          "null",
          "NaN",
          "Q0",
          "Q7184",
          "-1",
          "ÿ",
          "日本語のテキスト",
          "a b",
          "x".repeat(129),
          "x".repeat(1_001),
          "y".repeat(10_001),
          "very long ".repeat(12_000));

  private static final List<String> HOSTILE_NUMBERS =
      List.of(
          "\"NaN\"",
          "\"Infinity\"",
          "\"-Infinity\"",
          "\"+Infinity\"",
          "1e309",
          "-1e309",
          "1e-400",
          "-0.0",
          "99999999999999999999999999",
          "-9223372036854775809",
          "9223372036854775807",
          "2147483648",
          "-1",
          "0",
          "0.1",
          "\"12\"",
          "\"\"",
          "true",
          "[]",
          "{}");

  private static final List<String> HOSTILE_TIMES =
      List.of(
          "+300000-01-01T00:00:00Z",
          "+10000-01-01T00:00:00Z",
          "-4714-11-24T00:00:00Z",
          "0000-01-01T00:00:00Z",
          "0001-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999Z",
          "9999-12-31T23:59:59.9999999Z",
          "2025-02-12T09:00:00.123456789Z",
          "2025-02-30T00:00:00Z",
          "2025-02-12T25:00:00Z",
          "2025-02-12T10:00:00+25:00",
          "2025-02-12T10:00:00+18:00",
          "2025-02-12T10:00:00",
          "2025-02-12",
          "+10000-01-01",
          "-0001-01-01",
          "0000-12-31",
          "9999-12-31",
          "2025-13-01",
          "2025-02-12T09:30:00Z",
          "2025-06-15T00:00:00Z",
          "1e12",
          "1739350800",
          "-62135596801",
          "today",
          "");

  private static final List<String> HOSTILE_PATH_IDS =
      List.of(
          "%00",
          "a%00b",
          "%01",
          "%5C",
          "%25",
          "%2F",
          "..",
          "%2E%2E",
          "%20",
          "a%20b",
          "%F0%9F%98%80",
          "%C3%A9",
          "%FF",
          "%ED%A0%80",
          "x".repeat(129),
          "x".repeat(300),
          "unknown-id",
          "Q7184",
          "-",
          "%3B",
          "a;b=c",
          "%3Fq%3D1");

  private static final List<String> HOSTILE_PARAMETER_VALUES =
      List.of(
          "%00",
          "a%00b",
          "%01",
          "%7F",
          "%5C",
          "%25",
          "%27",
          "%22",
          "_",
          "%2C%2C",
          "%ED%A0%80",
          "%FF%FE",
          "%F0%9F%98%80",
          "",
          "%20",
          "-1",
          "0",
          "99999999999999999999",
          "NaN",
          "Infinity",
          "1e309",
          "%2B300000-01-01T00:00:00Z",
          "-5000-01-01",
          "0000-01-01",
          "%2B10000-01-01",
          "2025-02-30",
          "2025-02-12T10:00:00%2B25:00",
          "true",
          "yes",
          "x".repeat(5_000),
          "a,b,,c",
          "StatementRecorded",
          "org.entente.api.statement.StatementRecorded",
          "Statement%25",
          "%5C%5C",
          "day",
          "week",
          "month",
          "year",
          "csv",
          "ndjson",
          "xml",
          "speaker",
          "target",
          "direct_quote",
          "alleged-unconfirmed",
          "statement",
          "summit",
          "goldstein",
          "plover");

  private static final List<String> TIMELINE_PARAMETERS =
      List.of(
          "from", "to", "kinds", "role", "topic", "minGrade", "asOf", "limit", "cursor", "format");
  private static final List<String> COHESION_PARAMETERS =
      List.of(
          "from",
          "to",
          "resolution",
          "asOf",
          "pairs",
          "limit",
          "halfLifeDays",
          "k",
          "reliability.DIRECT_QUOTE",
          "reliability.NOPE",
          "scale",
          "members");
  private static final List<String> HISTORY_PARAMETERS =
      List.of("after", "actor", "aggregate", "type", "recordedFrom", "recordedTo", "limit");

  private final ObjectMapper json;
  private final Seed seed;
  private final AtomicLong sequence = new AtomicLong();

  HostileRequests(ObjectMapper json, Seed seed) {
    this.json = json;
    this.seed = seed;
  }

  /**
   * Per thousand: 20 writes, 5 imports and 15 queries of any kind (valid ones among them, so they
   * reach the database and store events), and 960 requests spoiled in a way the service must see at
   * its edge, before any database work: 560 writes and 400 queries. The database-bound share is
   * small so that 100,000 requests fit in minutes on a small machine.
   */
  Gen<Request> requests() {
    Gen<Integer> perMille = integers().between(0, 999);
    return in -> {
      int p = perMille.generate(in);
      if (p < 20) {
        return write(in);
      }
      if (p < 25) {
        return importing(in);
      }
      if (p < 40) {
        return query(in);
      }
      if (p < 600) {
        return edgeWrite(in);
      }
      return edgeQuery(in);
    };
  }

  /** Strings refused in every field: NUL, control characters (not line breaks), lone surrogates. */
  private static final List<String> EDGE_STRINGS =
      List.of(
          "a\u0000b",
          "\u0000",
          "x\u0001\u0002",
          "\u001b[31mred",
          "\u007f",
          "next\u0085line",
          "\u009f",
          "\ud800",
          "lone low \udc00 surrogate",
          "ok\u0000",
          "\u0008backspace");

  /** Times refused in every time field: unreadable, out of range, finer than a microsecond. */
  private static final List<String> EDGE_TIMES =
      List.of(
          "+300000-01-01T00:00:00Z",
          "+10000-01-01T00:00:00Z",
          "-4714-11-24T00:00:00Z",
          "0000-01-01T00:00:00Z",
          "9999-12-31T23:59:59.9999999Z",
          "2025-02-12T09:00:00.123456789Z",
          "2025-02-30T00:00:00Z",
          "2025-02-12T25:00:00Z",
          "2025-02-12T10:00:00+25:00",
          "2025-13-01",
          "+10000-01-01",
          "0000-12-31",
          "today",
          "\u0000");

  private Request edgeWrite(RandomnessSource in) {
    Template t = template(integers().between(0, 13).generate(in));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    String path = t.path();
    String method = "POST";
    String label = "edge:" + t.label();
    byte[] body;
    int how = integers().between(0, 99).generate(in);
    if (how < 25) {
      label += ":string";
      body = bytes(atRandomLeaf(in, t.body(), pick(in, EDGE_STRINGS), true));
    } else if (how < 35) {
      label += ":number";
      boolean numbers = leaves(t.body(), false).stream().anyMatch(l -> l.value().isNumber());
      body =
          numbers
              ? raw(
                  in,
                  t.body(),
                  pick(
                      in,
                      List.of(
                          "\"NaN\"",
                          "\"Infinity\"",
                          "\"-Infinity\"",
                          "1e309",
                          "-1e309",
                          "[]",
                          "{}")),
                  true)
              : raw(in, t.body(), pick(in, List.of("[]", "{}")), false);
    } else if (how < 45) {
      label += ":time";
      body = bytes(atTimeLeaf(in, t.body(), pick(in, EDGE_TIMES)));
    } else if (how < 55) {
      label += ":type";
      body =
          raw(in, t.body(), pick(in, List.of("[]", "{}", "[null]", "[1,2]", "{\"a\":1}")), false);
    } else if (how < 62) {
      label += ":huge";
      body = edgeHuge(in, t.body());
    } else if (how < 78) {
      label += ":broken";
      body = broken(in, t.body());
    } else if (how < 86) {
      label += ":headers";
      body = bytes(t.body());
      switch (integers().between(0, 2).generate(in)) {
        case 0 ->
            headers.put(
                "Content-Type",
                pick(
                    in,
                    List.of(
                        "text/plain",
                        "application/xml",
                        "multipart/form-data; boundary=x",
                        "application/x-ndjson",
                        "nonsense")));
        case 1 -> headers.remove("Content-Type");
        default ->
            headers.put(
                "Idempotency-Key",
                pick(
                    in,
                    List.of("", " ", "k".repeat(256), "with space", "\u00e9t\u00e9", "tab\tkey")));
      }
    } else if (how < 93) {
      label += ":path";
      path =
          hostilePath(
              in,
              t.path(),
              List.of("%00", "a%00b", "%01", "x%1Fy", "%7F", "x".repeat(129), "y".repeat(400)));
      body = bytes(t.body());
    } else {
      label += ":method";
      method = pick(in, List.of("PUT", "DELETE", "PATCH", "GET"));
      body = method.equals("GET") || method.equals("DELETE") ? null : bytes(t.body());
      if (body == null) {
        headers.remove("Content-Type");
      }
    }
    // a wrong method may meet a read endpoint on the same path (GET /api/actors): only a POST
    // writes
    return new Request(method, path, headers, body, method.equals("POST"), false, label);
  }

  private byte[] edgeHuge(RandomnessSource in, ObjectNode body) {
    switch (integers().between(0, 3).generate(in)) {
      case 0 -> {
        ArrayNode list =
            body.putArray(
                pick(
                    in,
                    List.of(
                        "topics",
                        "aliases",
                        "targetIds",
                        "participants",
                        "citations",
                        "translations",
                        "sources")));
        for (int i = 0; i < 201 + integers().between(0, 100).generate(in); i++) {
          list.add("t" + i);
        }
      }
      case 1 -> {
        ObjectNode map = body.putObject("externalIds");
        for (int i = 0; i < 101; i++) {
          map.put("scheme" + i, "v");
        }
      }
      case 2 -> {
        // longer than any field may be except a source's text, which gets a NUL too
        String huge = "z".repeat(integers().between(100_001, 150_000).generate(in));
        return bytes(atRandomLeaf(in, body, huge + "\u0000", true));
      }
      default -> {
        int depth = integers().between(1_001, 3_000).generate(in);
        body.put("topics", "@@deep@@");
        return text(body)
            .replace("\"@@deep@@\"", "[".repeat(depth) + "\"deep\"" + "]".repeat(depth))
            .getBytes(StandardCharsets.UTF_8);
      }
    }
    return bytes(body);
  }

  /** Parameter values the read side refuses before asking the database, per parameter. */
  private static final Map<String, List<String>> EDGE_VALUES =
      Map.ofEntries(
          Map.entry(
              "from",
              List.of(
                  "monday",
                  "%2B300000-01-01T00:00:00Z",
                  "-5000-01-01",
                  "2025-02-30",
                  "0000-01-01",
                  "%00")),
          Map.entry("to", List.of("friday", "%2B300000-01-01", "2025-13-01", "%01")),
          Map.entry(
              "asOf",
              List.of(
                  "yesterday",
                  "%2B300000-01-01T00:00:00Z",
                  "-0001-01-01T00:00:00Z",
                  "2025-02-12T10:00:00%2B25:00")),
          Map.entry("kinds", List.of("party", "summit,nope", "%00")),
          Map.entry("role", List.of("king", "%00", "speaker%00")),
          Map.entry("minGrade", List.of("best", "direct%00quote")),
          Map.entry("limit", List.of("0", "-1", "99999999999999999999", "ten", "1e3", "%00")),
          Map.entry("cursor", List.of("garbage", "%00", "%5C%5C", "x".repeat(5_000))),
          Map.entry("format", List.of("xml", "pdf", "%00")),
          Map.entry("topic", List.of("%00", "a%00b", "%1B", "t".repeat(4_097))),
          Map.entry("resolution", List.of("year", "hour", "%00")),
          Map.entry("pairs", List.of("yes", "1", "%00")),
          Map.entry("halfLifeDays", List.of("0", "-1", "NaN", "Infinity", "1e309", "36501", "x")),
          Map.entry("k", List.of("-1", "NaN", "1001", "Infinity", "x")),
          Map.entry("reliability.DIRECT_QUOTE", List.of("2", "-0.1", "NaN", "x")),
          Map.entry("reliability.NOPE", List.of("0.5")),
          Map.entry("scale", List.of("richter", "%00")),
          Map.entry("after", List.of("-1", "last", "99999999999999999999", "%00")),
          Map.entry("actor", List.of("%00", "a%01")),
          Map.entry("aggregate", List.of("%00", "%7F")),
          Map.entry(
              "type",
              List.of("%5C", "Statement%25", "a%5Cb", "_%25", "1abc", "a..b", "%00", "x%20y")),
          Map.entry("recordedFrom", List.of("now", "%2B300000-01-01", "0000-01-01T00:00:00Z")),
          Map.entry("recordedTo", List.of("later", "-5000-01-01")));

  private Request edgeQuery(RandomnessSource in) {
    String id = pick(in, List.of(seed.person(), seed.group(), seed.state()));
    int which = integers().between(0, 99).generate(in);
    String path;
    List<String> names;
    String label;
    if (which < 30) {
      path = "/api/actors/" + id + "/timeline";
      names = TIMELINE_PARAMETERS;
      label = "edge:ActorTimeline";
    } else if (which < 45) {
      path = "/api/groups/" + id + "/timeline";
      names = TIMELINE_PARAMETERS;
      label = "edge:GroupTimeline";
    } else if (which < 65) {
      path = "/api/groups/" + id + "/cohesion";
      names = COHESION_PARAMETERS.stream().filter(n -> !n.equals("members")).toList();
      label = "edge:Cohesion";
    } else if (which < 70) {
      path = "/api/groups/" + id + "/cohesion/2025-02-13/contributors";
      names = COHESION_PARAMETERS.stream().filter(n -> !n.equals("members")).toList();
      label = "edge:Contributors";
    } else if (which < 90) {
      path = "/api/history";
      names = HISTORY_PARAMETERS;
      label = "edge:History";
    } else {
      // a control character in the path's id, or in a parameter's name
      String bad = pick(in, List.of("%00", "a%00b", "%01", "x%1F", "%7F"));
      path =
          pick(
              in,
              List.of(
                  "/api/actors/" + bad + "/timeline",
                  "/api/groups/" + bad + "/timeline",
                  "/api/groups/" + bad + "/cohesion",
                  "/api/streams/" + bad,
                  "/api/history?" + bad + "=1",
                  "/api/actors/" + id + "/timeline?to" + bad + "=1"));
      return new Request(
          "GET",
          path,
          Map.of("Accept", "application/json"),
          null,
          false,
          false,
          "edge:ControlInPath");
    }
    StringBuilder query = new StringBuilder();
    // one parameter the service must refuse, maybe among others it must refuse as well
    String badName = pick(in, names);
    query
        .append('?')
        .append(badName)
        .append('=')
        .append(pick(in, EDGE_VALUES.getOrDefault(badName, List.of("%00"))));
    int more = integers().between(0, 2).generate(in);
    for (int i = 0; i < more; i++) {
      String name = pick(in, names);
      if (!name.equals(badName)) {
        query
            .append('&')
            .append(name)
            .append('=')
            .append(pick(in, EDGE_VALUES.getOrDefault(name, List.of("%00"))));
      }
    }
    Map<String, String> headers =
        Map.of(
            "Accept",
            pick(in, List.of("application/json", "*/*", "text/csv", "application/x-ndjson")));
    return new Request("GET", path + query, headers, null, false, false, label);
  }

  // ---------------------------------------------------------------- writes

  private String fresh(String prefix) {
    return prefix + "-" + Long.toString(sequence.incrementAndGet(), 36);
  }

  /** A valid body and path for one of the write endpoints. */
  private record Template(String label, String path, ObjectNode body, String command) {}

  private Template template(int which) {
    return switch (which) {
      case 0 -> new Template("RegisterActor", "/api/actors", registerActor(), "RegisterActor");
      case 1 ->
          new Template(
              "AssignRole",
              "/api/actors/" + seed.person() + "/roles",
              obj(
                  "{\"title\":\"Minister\",\"atActorId\":\"%s\",\"from\":\"2025-01-01\",\"to\":\"2025-12-31\"}",
                  seed.state()),
              "AssignRole");
      case 2 ->
          new Template(
              "RecordMembership",
              "/api/actors/" + seed.state() + "/memberships",
              obj("{\"groupId\":\"%s\",\"from\":\"2024-03-07\"}", seed.group()),
              "RecordMembership");
      case 3 -> new Template("RegisterSource", "/api/sources", registerSource(), "RegisterSource");
      case 4 ->
          new Template(
              "RecordDiplomaticEvent", "/api/events", recordEvent(), "RecordDiplomaticEvent");
      case 5 ->
          new Template(
              "AmendDiplomaticEvent",
              "/api/events/" + seed.event() + "/amendments",
              obj(
                  "{\"title\":\"Renamed\",\"time\":{\"at\":\"2025-02-13T00:00:00Z\",\"precision\":\"DAY\"},\"reason\":\"typo\"}"),
              "AmendDiplomaticEvent");
      case 6 ->
          new Template(
              "MarkDiplomaticEventHeld",
              "/api/events/" + seed.event() + "/held",
              obj("{\"time\":{\"at\":\"2025-02-12T09:00:00Z\",\"precision\":\"INSTANT\"}}"),
              "MarkDiplomaticEventHeld");
      case 7 ->
          new Template(
              "CancelDiplomaticEvent",
              "/api/events/" + seed.event() + "/cancellation",
              obj("{\"reason\":\"postponed\"}"),
              "CancelDiplomaticEvent");
      case 8 ->
          new Template(
              "RetractDiplomaticEvent",
              "/api/events/" + seed.event() + "/retraction",
              obj("{\"reason\":\"never happened\"}"),
              "RetractDiplomaticEvent");
      case 9 ->
          new Template("RecordStatement", "/api/statements", recordStatement(), "RecordStatement");
      case 10 ->
          new Template(
              "CorrectStatement",
              "/api/statements/" + seed.statement() + "/corrections",
              obj("{\"topics\":[\"defence\"],\"reason\":\"misheard\"}"),
              "CorrectStatement");
      case 11 ->
          new Template(
              "RetractStatement",
              "/api/statements/" + seed.statement() + "/retraction",
              obj("{\"reason\":\"not said\"}"),
              "RetractStatement");
      case 12 ->
          new Template(
              "AddTranslation",
              "/api/statements/" + seed.statement() + "/translations",
              obj(
                  "{\"translation\":{\"language\":\"en\",\"text\":\"You cannot take everything off the table.\"},\"translator\":\"desk\"}"),
              "AddTranslation");
      default ->
          new Template(
              "CiteSource",
              "/api/statements/" + seed.statement() + "/sources",
              obj(
                  "{\"citation\":{\"sourceId\":\"%s\",\"grade\":\"SECOND_HAND_MEDIA\",\"excerpt\":{\"start\":%d,\"end\":%d,\"quote\":\"%s\"}}}",
                  seed.source(),
                  SOURCE_TEXT.indexOf(QUOTE),
                  SOURCE_TEXT.indexOf(QUOTE) + QUOTE.length(),
                  QUOTE),
              "CiteSource");
    };
  }

  private ObjectNode registerActor() {
    return obj(
        "{\"actorId\":\"%s\",\"kind\":\"PERSON\",\"name\":\"Fuzzy Person\",\"aliases\":[\"FP\"],\"externalIds\":{\"wikidata\":\"Q42\"}}",
        fresh("fz-actor"));
  }

  private ObjectNode registerSource() {
    return obj(
        "{\"sourceId\":\"%s\",\"publisher\":\"NOS\",\"url\":\"https://nos.nl/l/1\",\"title\":\"NAVO\",\"publishedAt\":\"2025-02-13T12:00:00Z\",\"language\":\"nl\",\"text\":\"%s\"}",
        fresh("fz-source"), SOURCE_TEXT.replace("\"", "\\\""));
  }

  private ObjectNode recordEvent() {
    return obj(
        "{\"eventId\":\"%s\",\"kind\":\"MEETING\",\"title\":\"Ministers meet\",\"time\":{\"at\":\"2025-02-12T00:00:00Z\",\"precision\":\"DAY\"},\"location\":\"Brussels\",\"participants\":[{\"actorId\":\"%s\",\"part\":\"ATTENDEE\"}],\"status\":\"SCHEDULED\"}",
        fresh("fz-event"), seed.person());
  }

  private ObjectNode recordStatement() {
    int start = SOURCE_TEXT.indexOf(QUOTE);
    return obj(
        "{\"statementId\":\"%s\",\"speakerId\":\"%s\",\"targetIds\":[\"%s\"],\"saidAt\":{\"at\":\"2025-02-13T09:00:00Z\",\"precision\":\"INSTANT\"},\"stance\":\"CRITICISM\",\"cameoCode\":\"111\",\"weight\":{\"value\":-2.0,\"scale\":\"goldstein\",\"scaleVersion\":\"cameo-1.1b3\"},\"topics\":[\"ukraine\"],\"original\":{\"language\":\"nl\",\"text\":\"%s\"},\"citations\":[{\"sourceId\":\"%s\",\"grade\":\"DIRECT_QUOTE\",\"excerpt\":{\"start\":%d,\"end\":%d,\"quote\":\"%s\"}}]}",
        fresh("fz-statement"),
        seed.person(),
        seed.state(),
        QUOTE,
        seed.source(),
        start,
        start + QUOTE.length(),
        QUOTE);
  }

  private ObjectNode obj(String template, Object... args) {
    try {
      return (ObjectNode) json.readTree(template.formatted(args));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(template, e);
    }
  }

  private Request write(RandomnessSource in) {
    Template t = template(integers().between(0, 13).generate(in));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    String path = t.path();
    String method = "POST";
    String label = t.label();
    byte[] body;
    int how = integers().between(0, 99).generate(in);
    if (how < 10) {
      label += ":valid";
      body = bytes(t.body());
    } else if (how < 28) {
      label += ":string";
      body = bytes(atRandomLeaf(in, t.body(), pick(in, HOSTILE_STRINGS), true));
    } else if (how < 38) {
      label += ":number";
      body = raw(in, t.body(), pick(in, HOSTILE_NUMBERS));
    } else if (how < 48) {
      label += ":time";
      body = bytes(atTimeLeaf(in, t.body(), pick(in, HOSTILE_TIMES)));
    } else if (how < 58) {
      label += ":type";
      body =
          raw(in, t.body(), pick(in, List.of("1", "[]", "{}", "null", "true", "[null]", "\"x\"")));
    } else if (how < 64) {
      label += ":shape";
      body = bytes(shape(in, t.body()));
    } else if (how < 70) {
      label += ":huge";
      body = huge(in, t.body());
    } else if (how < 80) {
      label += ":broken";
      body = broken(in, t.body());
    } else if (how < 88) {
      label += ":headers";
      body = bytes(t.body());
      hostileHeaders(in, headers);
    } else if (how < 96) {
      label += ":path";
      path = hostilePath(in, t.path());
      body = bytes(t.body());
    } else {
      label += ":method";
      method = pick(in, List.of("PUT", "DELETE", "PATCH", "GET"));
      body = method.equals("GET") || method.equals("DELETE") ? null : bytes(t.body());
      if (body == null) {
        headers.remove("Content-Type");
      }
    }
    if (integers().between(0, 3).generate(in) == 0 && !headers.containsKey("Idempotency-Key")) {
      // some retries with keys: a replay must store nothing
      headers.put("Idempotency-Key", "fz-key-" + integers().between(0, 400).generate(in));
    }
    // a wrong method may meet a read endpoint on the same path (GET /api/actors): only a POST
    // writes
    return new Request(method, path, headers, body, method.equals("POST"), false, label);
  }

  private Request importing(RandomnessSource in) {
    StringBuilder ndjson = new StringBuilder();
    int lines = integers().between(1, 6).generate(in);
    for (int i = 0; i < lines; i++) {
      Template t = template(pick(in, List.of(0, 3, 4, 9)));
      ObjectNode line = NODES.objectNode();
      line.put("command", t.command());
      int how = integers().between(0, 9).generate(in);
      JsonNode body = t.body();
      if (how == 1) {
        body = atRandomLeaf(in, t.body(), pick(in, HOSTILE_STRINGS), true);
      } else if (how == 2) {
        body = atTimeLeaf(in, t.body(), pick(in, HOSTILE_TIMES));
      } else if (how == 3) {
        body = shape(in, t.body());
      } else if (how == 4) {
        line.put("command", pick(in, List.of("Nope", "", "registerActor", "\u0000")));
      } else if (how == 5) {
        ndjson
            .append(pick(in, List.of("{", "not json", "[1,2]", "null", "\"x\"", "{}")))
            .append('\n');
        continue;
      }
      line.set("body", body);
      if (how == 6) {
        line.put("idempotencyKey", pick(in, HOSTILE_STRINGS));
      }
      ndjson.append(text(line)).append('\n');
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-ndjson");
    return new Request(
        "POST",
        "/api/import",
        headers,
        ndjson.toString().getBytes(StandardCharsets.UTF_8),
        true,
        true,
        "Import:" + lines);
  }

  /** Puts {@code value} at a random string leaf (or any leaf when {@code stringsOnly} is false). */
  private JsonNode atRandomLeaf(
      RandomnessSource in, ObjectNode body, String value, boolean stringsOnly) {
    List<Leaf> leaves = leaves(body, stringsOnly);
    if (leaves.isEmpty()) {
      return body;
    }
    Leaf leaf = leaves.get(integers().between(0, leaves.size() - 1).generate(in));
    leaf.set(NODES.textNode(value));
    return body;
  }

  private JsonNode atTimeLeaf(RandomnessSource in, ObjectNode body, String value) {
    List<Leaf> times =
        leaves(body, true).stream()
            .filter(l -> List.of("at", "from", "to", "publishedAt").contains(l.name()))
            .toList();
    if (times.isEmpty()) {
      // no time here: spoil a text instead, so the request is still one the edge must refuse
      return atRandomLeaf(in, body, value + "\u0000", true);
    }
    times.get(integers().between(0, times.size() - 1).generate(in)).set(NODES.textNode(value));
    return body;
  }

  /** Replaces a random leaf (a number when there is one: weights, offsets) by raw JSON text. */
  private byte[] raw(RandomnessSource in, ObjectNode body, String rawJson) {
    return raw(in, body, rawJson, integers().between(0, 1).generate(in) == 0);
  }

  /** As above; with {@code numbersFirst}, a number leaf (weights, offsets) when there is one. */
  private byte[] raw(RandomnessSource in, ObjectNode body, String rawJson, boolean numbersFirst) {
    List<Leaf> leaves = leaves(body, false);
    List<Leaf> numbers = leaves.stream().filter(l -> l.value().isNumber()).toList();
    List<Leaf> from = !numbers.isEmpty() && numbersFirst ? numbers : leaves;
    if (from.isEmpty()) {
      return bytes(body);
    }
    Leaf leaf = from.get(integers().between(0, from.size() - 1).generate(in));
    String marker = "\"@@" + fresh("m") + "@@\"";
    leaf.set(NODES.textNode(marker.substring(1, marker.length() - 1)));
    return text(body).replace(marker, rawJson).getBytes(StandardCharsets.UTF_8);
  }

  private JsonNode shape(RandomnessSource in, ObjectNode body) {
    List<String> names = new ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    switch (integers().between(0, 4).generate(in)) {
      case 0 -> body.remove(pick(in, names));
      case 1 -> body.putNull(pick(in, names));
      case 2 -> body.put(pick(in, List.of("extra", "recordedBy", "\u0000", "actorid", "")), "x");
      case 3 -> {
        ArrayNode array = NODES.arrayNode();
        array.add(body);
        return array;
      }
      default -> body.put(pick(in, names), pick(in, HOSTILE_STRINGS));
    }
    return body;
  }

  private byte[] huge(RandomnessSource in, ObjectNode body) {
    switch (integers().between(0, 3).generate(in)) {
      case 0 -> {
        ArrayNode list =
            body.putArray(pick(in, List.of("topics", "aliases", "targetIds", "participants")));
        for (int i = 0; i < 201 + integers().between(0, 300).generate(in); i++) {
          list.add("t" + i);
        }
      }
      case 1 ->
          atRandomLeaf(
              in, body, "z".repeat(integers().between(1_001, 1_200_000).generate(in)), true);
      case 2 -> {
        ObjectNode map = body.putObject("externalIds");
        for (int i = 0; i < 101; i++) {
          map.put("scheme" + i, "v");
        }
      }
      default -> {
        // nesting deeper than any parser should follow, written as text (Jackson refuses to)
        int depth = integers().between(50, 3_000).generate(in);
        body.put("topics", "@@deep@@");
        return text(body)
            .replace("\"@@deep@@\"", "[".repeat(depth) + "\"deep\"" + "]".repeat(depth))
            .getBytes(StandardCharsets.UTF_8);
      }
    }
    return bytes(body);
  }

  private byte[] broken(RandomnessSource in, ObjectNode body) {
    byte[] valid = bytes(body);
    return switch (integers().between(0, 9).generate(in)) {
      case 0 -> new byte[0];
      case 1 ->
          java.util.Arrays.copyOf(valid, integers().between(0, valid.length - 1).generate(in));
      case 2 -> "null".getBytes(StandardCharsets.UTF_8);
      case 3 -> "[]".getBytes(StandardCharsets.UTF_8);
      case 4 -> {
        byte[] noise = new byte[integers().between(1, 2_000).generate(in)];
        for (int i = 0; i < noise.length; i++) {
          noise[i] = (byte) (int) integers().between(0, 255).generate(in);
        }
        yield noise;
      }
      case 5 -> {
        // invalid UTF-8 inside a string value
        String text = new String(valid, StandardCharsets.UTF_8);
        int quote = text.lastIndexOf('"');
        byte[] head = text.substring(0, Math.max(quote, 0)).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(Math.max(quote, 0)).getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        yield all;
      }
      case 6 -> {
        // a duplicate key
        String text = new String(valid, StandardCharsets.UTF_8);
        Iterator<String> names = body.fieldNames();
        String first = names.next();
        yield ("{\"" + first + "\":\"dup\"," + text.substring(1)).getBytes(StandardCharsets.UTF_8);
      }
      case 7 ->
          (new String(valid, StandardCharsets.UTF_8) + " {}").getBytes(StandardCharsets.UTF_8);
      case 8 ->
          ("[" + new String(valid, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
      default ->
          new String(valid, StandardCharsets.UTF_8)
              .replace(":", ": NaN ,")
              .getBytes(StandardCharsets.UTF_8);
    };
  }

  private void hostileHeaders(RandomnessSource in, Map<String, String> headers) {
    switch (integers().between(0, 7).generate(in)) {
      case 0 ->
          headers.put(
              "Content-Type",
              pick(
                  in,
                  List.of(
                      "text/plain",
                      "application/xml",
                      "application/json;charset=ISO-8859-1",
                      "multipart/form-data; boundary=x",
                      "application/x-ndjson",
                      "*/*",
                      "nonsense")));
      case 1 -> headers.remove("Content-Type");
      case 2 ->
          headers.put(
              "Idempotency-Key",
              pick(in, List.of("", " ", "k".repeat(256), "with space", "é", "k\u00ff")));
      case 3 ->
          headers.put(
              "If-Match",
              pick(
                  in,
                  List.of(
                      "*",
                      "W/\"1\"",
                      "\"abc\"",
                      "\"-1\"",
                      "\"99999999999999999999\"",
                      "1",
                      "\"0\", \"1\"",
                      "\"\"")));
      case 4 ->
          headers.put(
              "Accept",
              pick(
                  in,
                  List.of(
                      "text/csv",
                      "application/xml",
                      "image/png",
                      "nonsense",
                      "application/problem+json")));
      case 5 ->
          headers.put(
              "X-Correlation-Id", pick(in, List.of("x".repeat(500), "a b", "é", "'; drop", "")));
      case 6 -> headers.put("Content-Encoding", pick(in, List.of("gzip", "br", "nonsense")));
      default -> headers.put("X-" + fresh("h"), pick(in, HOSTILE_STRINGS.subList(12, 20)));
    }
  }

  private String hostilePath(RandomnessSource in, String path) {
    return hostilePath(in, path, HOSTILE_PATH_IDS);
  }

  private String hostilePath(RandomnessSource in, String path, List<String> ids) {
    String hostile = pick(in, ids);
    String[] parts = path.split("/");
    if (parts.length > 3) {
      parts[3] = hostile;
      return String.join("/", parts);
    }
    return path + "/" + hostile;
  }

  // ---------------------------------------------------------------- queries

  private Request query(RandomnessSource in) {
    String id = idOrHostile(in);
    int which = integers().between(0, 99).generate(in);
    String path;
    List<String> names;
    String label;
    if (which < 30) {
      path = "/api/actors/" + id + "/timeline";
      names = TIMELINE_PARAMETERS;
      label = "ActorTimeline";
    } else if (which < 45) {
      path = "/api/groups/" + id + "/timeline";
      names = TIMELINE_PARAMETERS;
      label = "GroupTimeline";
    } else if (which < 60) {
      path = "/api/groups/" + id + "/cohesion";
      names = COHESION_PARAMETERS;
      label = "Cohesion";
    } else if (which < 68) {
      path =
          "/api/groups/"
              + id
              + "/cohesion/"
              + pick(
                  in,
                  List.of(
                      "2025-02-13",
                      "2025-02-13T12:00:00Z",
                      "%00",
                      "%2B300000-01-01",
                      "nope",
                      "-5000-01-01T00:00:00Z",
                      "2025-02-30"))
              + "/contributors";
      names = COHESION_PARAMETERS;
      label = "Contributors";
    } else if (which < 85) {
      path = "/api/history";
      names = HISTORY_PARAMETERS;
      label = "History";
    } else if (which < 95) {
      path = "/api/streams/" + id;
      names = List.of("x");
      label = "Stream";
    } else if (which < 98) {
      path = "/api/admin/projections/timeline";
      names = List.of("x");
      label = "ProjectionStatus";
    } else {
      path =
          pick(
              in,
              List.of("/api/nothing", "/api/actors", "/api/statements/" + id, "/api/import", "/"));
      names = List.of("x");
      label = "Elsewhere";
    }
    StringBuilder query = new StringBuilder();
    int parameters = integers().between(0, 4).generate(in);
    for (int i = 0; i < parameters; i++) {
      String name =
          integers().between(0, 9).generate(in) == 0
              ? pick(in, List.of("%00", "unknown", "a%5Cb", "limit%00"))
              : pick(in, names);
      query
          .append(query.isEmpty() ? "?" : "&")
          .append(name)
          .append('=')
          .append(pick(in, HOSTILE_PARAMETER_VALUES));
    }
    if (label.equals("History") && !query.toString().contains("limit=")) {
      // the whole history each time would measure the disk, not the checks
      query
          .append(query.isEmpty() ? "?" : "&")
          .append("limit=")
          .append(integers().between(1, 20).generate(in));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(
        "Accept",
        pick(
            in,
            List.of(
                "application/json",
                "application/json",
                "*/*",
                "text/csv",
                "application/x-ndjson",
                "application/xml")));
    String method = integers().between(0, 49).generate(in) == 0 ? "DELETE" : "GET";
    return new Request(method, path + query, headers, null, false, false, label);
  }

  private String idOrHostile(RandomnessSource in) {
    int p = integers().between(0, 9).generate(in);
    if (p < 6) {
      return pick(
          in, List.of(seed.person(), seed.state(), seed.group(), seed.group(), seed.statement()));
    }
    if (p < 7) {
      return URLEncoder.encode(pick(in, HOSTILE_STRINGS.subList(0, 25)), StandardCharsets.UTF_8);
    }
    return pick(in, HOSTILE_PATH_IDS);
  }

  // ---------------------------------------------------------------- JSON leaves

  /** A scalar in the body, with a way to replace it. */
  private record Leaf(String name, JsonNode value, java.util.function.Consumer<JsonNode> setter) {
    void set(JsonNode node) {
      setter.accept(node);
    }
  }

  private static List<Leaf> leaves(JsonNode node, boolean stringsOnly) {
    List<Leaf> leaves = new ArrayList<>();
    collect(node, "", leaves, stringsOnly);
    return leaves;
  }

  private static void collect(JsonNode node, String name, List<Leaf> out, boolean stringsOnly) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String field : names) {
        JsonNode child = object.get(field);
        if (child.isContainerNode()) {
          collect(child, field, out, stringsOnly);
        } else if (!stringsOnly || child.isTextual()) {
          out.add(new Leaf(field, child, n -> object.set(field, n)));
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode child = array.get(i);
        int index = i;
        if (child.isContainerNode()) {
          collect(child, name, out, stringsOnly);
        } else if (!stringsOnly || child.isTextual()) {
          out.add(new Leaf(name, child, n -> array.set(index, n)));
        }
      }
    }
  }

  private byte[] bytes(JsonNode node) {
    return text(node).getBytes(StandardCharsets.UTF_8);
  }

  private String text(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T pick(RandomnessSource in, List<T> values) {
    return values.get(integers().between(0, values.size() - 1).generate(in));
  }
}
