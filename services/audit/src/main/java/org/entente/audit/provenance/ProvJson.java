package org.entente.audit.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * A statement's lineage as W3C PROV-JSON (the PROV-JSON submission's layout: {@code prefix}, {@code
 * entity}, {@code activity}, {@code agent}, and one object per relation, each keyed by identifier).
 *
 * <ul>
 *   <li>entities: each statement version, each excerpt (the quoted words) and each source;
 *   <li>activities: each recording command (recording, correcting, retracting, translating,
 *       citing);
 *   <li>agents: the recorder (the authenticated principal), the speaker, each publisher;
 *   <li>wasGeneratedBy (version by its command), wasAssociatedWith (command with recorder), used
 *       (command used the excerpts), wasAttributedTo (version to speaker, source to publisher),
 *       wasDerivedFrom (version from excerpt; excerpt from source as a {@code prov:Quotation}; a
 *       later version from the earlier as a {@code prov:Revision}, PROV-DM's wasRevisionOf);
 *   <li>reported-by chains: the excerpt wasDerivedFrom (type {@code entente:ReportedBy}) the first
 *       link's account, each account from the next; an account is another outlet's source
 *       (attributed to its publisher) or an {@code entente:ReportedAccount} attributed to the actor
 *       or to an {@code entente:AnonymousInformant} agent labelled as the source describes it.
 * </ul>
 */
@Component
public class ProvJson {

  public static final String NS = "https://entente.example/ns#";

  private final ObjectMapper json;

  ProvJson(ObjectMapper json) {
    this.json = json;
  }

  public ObjectNode of(ObjectNode lineage) {
    ObjectNode document = json.createObjectNode();
    document.putObject("prefix").put("entente", NS).put("xsd", "http://www.w3.org/2001/XMLSchema#");
    ObjectNode entities = document.putObject("entity");
    ObjectNode activities = document.putObject("activity");
    ObjectNode agents = document.putObject("agent");
    ObjectNode generated = document.putObject("wasGeneratedBy");
    ObjectNode associated = document.putObject("wasAssociatedWith");
    ObjectNode used = document.putObject("used");
    ObjectNode attributed = document.putObject("wasAttributedTo");
    ObjectNode derived = document.putObject("wasDerivedFrom");
    int[] relation = {0};

    String statementId = lineage.path("statementId").asText();
    JsonNode statement = lineage.path("statement");
    String speaker =
        statement.hasNonNull("speakerId")
            ? "entente:actor/" + id(statement.get("speakerId").asText())
            : null;
    if (speaker != null) {
      agents
          .putObject(speaker)
          .put("prov:type", "prov:Person")
          .put("entente:actorId", statement.get("speakerId").asText());
    }
    String previous = null;
    for (JsonNode version : lineage.path("versions")) {
      String entity =
          "entente:statement/" + id(statementId) + "/v" + version.path("version").asInt();
      ObjectNode versionEntity = entities.putObject(entity);
      versionEntity.put("prov:type", "entente:StatementVersion");
      versionEntity.put("entente:kind", version.path("kind").asText());
      versionEntity.put("entente:eventId", version.path("eventId").asText());
      versionEntity.put("entente:logPosition", version.path("position").asLong());
      if (version.path("log").has("leafIndex")) {
        versionEntity.put("entente:logLeafIndex", version.path("log").path("leafIndex").asLong());
      }
      String activity =
          "entente:command/"
              + id(version.path("commandId").asText(version.path("eventId").asText()));
      ObjectNode command = activities.putObject(activity);
      command.put("prov:type", "entente:" + version.path("kind").asText());
      command.put("prov:endTime", version.path("recordedAt").asText());
      for (String key : new String[] {"correlationId", "causationId", "idempotencyKey"}) {
        if (version.hasNonNull(key)) {
          command.put("entente:" + key, version.get(key).asText());
        }
      }
      generated
          .putObject("_:g" + ++relation[0])
          .put("prov:entity", entity)
          .put("prov:activity", activity)
          .put("prov:time", version.path("recordedAt").asText());
      if (version.hasNonNull("recordedBy")) {
        String recorder = "entente:recorder/" + id(version.get("recordedBy").asText());
        agents
            .putObject(recorder)
            .put("prov:type", "entente:Recorder")
            .put("prov:label", version.get("recordedBy").asText());
        associated
            .putObject("_:w" + ++relation[0])
            .put("prov:activity", activity)
            .put("prov:agent", recorder);
      }
      if (speaker != null) {
        attributed
            .putObject("_:t" + ++relation[0])
            .put("prov:entity", entity)
            .put("prov:agent", speaker);
      }
      if (previous != null) {
        derived
            .putObject("_:r" + ++relation[0])
            .put("prov:generatedEntity", entity)
            .put("prov:usedEntity", previous)
            .put("prov:activity", activity)
            .put("prov:type", "prov:Revision");
      }
      int number = version.path("version").asInt();
      int excerptNumber = 0;
      for (JsonNode citation : lineage.path("citations")) {
        excerptNumber++;
        if (citation.path("citedInVersion").asInt() > number) {
          continue;
        }
        String excerpt = "entente:excerpt/" + id(statementId) + "/" + excerptNumber;
        if (!entities.has(excerpt)) {
          ObjectNode excerptEntity = entities.putObject(excerpt);
          excerptEntity.put("prov:type", "entente:Excerpt");
          excerptEntity.put("entente:grade", citation.path("grade").asText());
          JsonNode words = citation.path("excerpt");
          if (words.hasNonNull("quote")) {
            excerptEntity.put("prov:value", words.get("quote").asText());
          }
          if (words.has("start")) {
            excerptEntity
                .put("entente:start", words.get("start").asInt())
                .put("entente:end", words.get("end").asInt());
            excerptEntity.put("entente:quoteMatches", words.path("quoteMatches").asBoolean());
          }
          String source = source(citation, entities, agents, attributed, relation);
          derived
              .putObject("_:q" + ++relation[0])
              .put("prov:generatedEntity", excerpt)
              .put("prov:usedEntity", source)
              .put("prov:type", "prov:Quotation");
          String reported = excerpt;
          int link = 0;
          for (JsonNode by : citation.path("reportedBy")) {
            String account =
                reportedBy(
                    by, excerpt + "/reportedBy/" + link++, entities, agents, attributed, relation);
            derived
                .putObject("_:c" + ++relation[0])
                .put("prov:generatedEntity", reported)
                .put("prov:usedEntity", account)
                .put("prov:type", "entente:ReportedBy");
            reported = account;
          }
        }
        derived
            .putObject("_:d" + ++relation[0])
            .put("prov:generatedEntity", entity)
            .put("prov:usedEntity", excerpt);
        if (citation.path("citedInVersion").asInt() == number) {
          used.putObject("_:u" + ++relation[0])
              .put("prov:activity", activity)
              .put("prov:entity", excerpt);
        }
      }
      previous = entity;
    }
    return document;
  }

  private static String source(
      JsonNode citation,
      ObjectNode entities,
      ObjectNode agents,
      ObjectNode attributed,
      int[] relation) {
    String source = "entente:source/" + id(citation.path("sourceId").asText());
    if (!entities.has(source)) {
      JsonNode recorded = citation.path("source");
      ObjectNode entity = entities.putObject(source);
      entity.put("prov:type", "prov:PrimarySource");
      for (String field : new String[] {"title", "url", "publishedAt", "language", "textSha256"}) {
        if (recorded.hasNonNull(field)) {
          entity.put("entente:" + field, recorded.get(field).asText());
        }
      }
      entity.put("entente:textSha256Matches", recorded.path("textSha256Matches").asBoolean());
      if (recorded.hasNonNull("publisher")) {
        String publisher = "entente:publisher/" + id(recorded.get("publisher").asText());
        agents
            .putObject(publisher)
            .put("prov:type", "prov:Organization")
            .put("prov:label", recorded.get("publisher").asText());
        attributed
            .putObject("_:p" + ++relation[0])
            .put("prov:entity", source)
            .put("prov:agent", publisher);
      }
    }
    return source;
  }

  /**
   * One link of a reported-by chain as the entity the words were taken from: another outlet's
   * source (attributed to its publisher), or the account given by an actor or by anonymous
   * informants (an agent labelled with the source's description of them).
   */
  private static String reportedBy(
      JsonNode link,
      String account,
      ObjectNode entities,
      ObjectNode agents,
      ObjectNode attributed,
      int[] relation) {
    if (link.hasNonNull("sourceId")) {
      return source(link, entities, agents, attributed, relation);
    }
    ObjectNode entity = entities.putObject(account);
    entity.put("prov:type", "entente:ReportedAccount");
    String agent;
    if (link.hasNonNull("actorId")) {
      agent = "entente:actor/" + id(link.get("actorId").asText());
      ObjectNode actor =
          agents.has(agent) ? (ObjectNode) agents.get(agent) : agents.putObject(agent);
      actor.put("entente:actorId", link.get("actorId").asText());
      if (link.hasNonNull("actorName")) {
        actor.put("prov:label", link.get("actorName").asText());
      }
    } else {
      agent = account.replace("entente:excerpt/", "entente:informant/");
      agents
          .putObject(agent)
          .put("prov:type", "entente:AnonymousInformant")
          .put("entente:anonymous", true);
    }
    if (link.hasNonNull("description")) {
      entity.put("prov:label", link.get("description").asText());
      ((ObjectNode) agents.get(agent)).put("entente:description", link.get("description").asText());
    }
    attributed
        .putObject("_:a" + ++relation[0])
        .put("prov:entity", account)
        .put("prov:agent", agent);
    return account;
  }

  /** A local name safe in a qualified name. */
  private static String id(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
