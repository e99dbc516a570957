package org.entente.recorder.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.postJson;
import static org.entente.recorder.web.Api.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.entente.recorder.web.Api;
import org.entente.recorder.web.RecorderHttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The Idempotency-Key a command was sent under is in the metadata of every event it stores. */
@RecorderHttpTest
class IdempotencyKeyMetadataIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(mvc, jdbc, json);
  }

  @Test
  void aKeyedRequest_storesItsKeyBesideTheCommandId_aRequestWithoutKeyNone() throws Exception {
    String key = unique("key");
    String keyed =
        api.body(
                api.perform(
                    postJson("/api/actors", "{\"kind\":\"STATE\",\"name\":\"Estonia\"}")
                        .header("Idempotency-Key", key)))
            .get("id")
            .asText();
    String plain =
        api.body(api.perform(postJson("/api/actors", "{\"kind\":\"STATE\",\"name\":\"Latvia\"}")))
            .get("id")
            .asText();

    JsonNode metadata = metadata(keyed).get(0);
    assertThat(metadata.path("idempotencyKey").asText()).isEqualTo(key);
    assertThat(metadata.path("commandId").asText()).isNotBlank();
    assertThat(metadata(plain).get(0).has("idempotencyKey")).isFalse();
  }

  @Test
  void importLines_carryTheirOwnKey() throws Exception {
    String run = unique("meta");
    String lineKey = run + "-line-key";
    String lines =
        "{\"command\":\"RegisterActor\",\"idempotencyKey\":\""
            + lineKey
            + "\",\"body\":{\"actorId\":\""
            + run
            + "-a\",\"kind\":\"STATE\",\"name\":\"Lithuania\"}}\n";
    mvc.perform(
            post("/api/import")
                .contentType("application/x-ndjson")
                .content(lines.getBytes(StandardCharsets.UTF_8)))
        .andReturn();

    assertThat(metadata(run + "-a").get(0).path("idempotencyKey").asText()).isEqualTo(lineKey);
  }

  private List<JsonNode> metadata(String aggregateId) {
    return jdbc.query(
        "select convert_from(meta_data, 'UTF8') from domain_event_entry"
            + " where aggregate_identifier = ? order by sequence_number",
        (rs, n) -> {
          try {
            return json.readTree(rs.getString(1));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        aggregateId);
  }
}
