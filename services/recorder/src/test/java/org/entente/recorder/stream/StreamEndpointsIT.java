package org.entente.recorder.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.postJson;
import static org.entente.recorder.web.Api.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.entente.recorder.web.Api;
import org.entente.recorder.web.RecorderHttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@RecorderHttpTest
class StreamEndpointsIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(mvc, jdbc, json);
  }

  @Test
  void stream_listsTheStoredEventsInOrder_withPayloadAndMetadataAsJson() throws Exception {
    String hegseth = unique("hegseth");
    String usa = api.registerActor(unique("usa"), "STATE", "United States");
    MvcResult registered =
        api.perform(
            postJson(
                    "/api/actors",
                    "{\"actorId\":\""
                        + hegseth
                        + "\",\"kind\":\"PERSON\",\"name\":\"Pete Hegseth\"}")
                .principal(() -> "editor-eva")
                .header("X-Correlation-Id", "corr-stream-1"));
    api.perform(
        postJson(
                "/api/actors/" + hegseth + "/roles",
                "{\"title\":\"Secretary of Defense\",\"atActorId\":\""
                    + usa
                    + "\",\"from\":\"2025-01-25\"}")
            .header("X-Correlation-Id", "corr-stream-2"));
    assertThat(registered.getResponse().getStatus()).isEqualTo(201);

    MvcResult result = api.perform(get("/api/streams/" + hegseth));

    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(result.getResponse().getContentType()).startsWith("application/json");
    JsonNode stream = api.body(result);
    assertThat(stream.get("aggregateId").asText()).isEqualTo(hegseth);
    assertThat(stream.get("aggregateType").asText()).isEqualTo("Actor");
    assertThat(stream.get("version").asLong()).isEqualTo(1);
    assertThat(result.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
    JsonNode events = stream.get("events");
    assertThat(events).hasSize(2);
    assertThat(events.findValuesAsText("payloadType"))
        .containsExactly(
            "org.entente.api.actor.ActorRegistered", "org.entente.api.actor.RoleAssigned");
    assertThat(events.get(0).get("sequenceNumber").asLong()).isZero();
    assertThat(events.get(1).get("sequenceNumber").asLong()).isEqualTo(1);
    assertThat(events.get(1).get("globalIndex").asLong())
        .isGreaterThan(events.get(0).get("globalIndex").asLong());
    assertThat(events.get(0).get("eventIdentifier").asText()).isNotBlank();
    assertThat(Instant.parse(events.get(0).get("timestamp").asText())).isNotNull();
    JsonNode payload = events.get(0).get("payload");
    assertThat(payload.isObject()).isTrue();
    assertThat(payload.get("name").asText()).isEqualTo("Pete Hegseth");
    assertThat(events.get(1).get("payload").get("from").asText()).isEqualTo("2025-01-25");

    JsonNode first = events.get(0).get("metaData");
    assertThat(first.isObject()).isTrue();
    assertThat(first.get("recordedBy").asText()).isEqualTo("editor-eva");
    assertThat(first.get("correlationId").asText()).isEqualTo("corr-stream-1");
    assertThat(Instant.parse(first.get("recordedAt").asText())).isNotNull();
    assertThat(first.get("commandId").asText()).isNotBlank();
    assertThat(first.get("causationId").asText()).isEqualTo(first.get("commandId").asText());
    JsonNode second = events.get(1).get("metaData");
    assertThat(second.get("recordedBy").asText()).isEqualTo("anonymous");
    assertThat(second.get("correlationId").asText()).isEqualTo("corr-stream-2");
    assertThat(second.get("commandId").asText()).isNotEqualTo(first.get("commandId").asText());
  }

  @Test
  void locationOfACreatedAggregate_isItsStream() throws Exception {
    MvcResult created =
        api.perform(postJson("/api/actors", "{\"kind\":\"GROUP\",\"name\":\"Weimar triangle\"}"));

    MvcResult stream = api.perform(get(created.getResponse().getHeader("Location")));

    assertThat(stream.getResponse().getStatus()).isEqualTo(200);
    assertThat(api.body(stream).at("/events/0/payload/name").asText()).isEqualTo("Weimar triangle");
  }

  @Test
  void unknownAggregate_is404Problem() throws Exception {
    MvcResult result = api.perform(get("/api/streams/" + unique("ghost")));

    JsonNode problem = api.assertProblem(result, 404, "unknown-reference");
    assertThat(Api.firstField(problem)).isEqualTo("aggregateId");
  }
}
