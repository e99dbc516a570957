package org.entente.recorder.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@RecorderHttpTest
class OpenApiIT {

  static final List<String> COMMAND_PATHS =
      List.of(
          "/api/actors",
          "/api/actors/{id}/roles",
          "/api/actors/{id}/memberships",
          "/api/sources",
          "/api/events",
          "/api/events/{id}/amendments",
          "/api/events/{id}/held",
          "/api/events/{id}/cancellation",
          "/api/events/{id}/retraction",
          "/api/statements",
          "/api/statements/{id}/corrections",
          "/api/statements/{id}/retraction",
          "/api/statements/{id}/translations",
          "/api/statements/{id}/sources");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void apiDocs_describeEveryEndpoint_withRequestSchemaAndProblemResponses() throws Exception {
    MvcResult result = mvc.perform(get("/v3/api-docs")).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    JsonNode docs = json.readTree(result.getResponse().getContentAsByteArray());
    JsonNode paths = docs.get("paths");
    assertThat(paths.has("/api/import")).isTrue();
    assertThat(paths.has("/api/streams/{aggregateId}")).isTrue();
    for (String path : COMMAND_PATHS) {
      JsonNode post = paths.path(path).path("post");
      assertThat(post.isObject()).as(path).isTrue();
      assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asText())
          .as(path + " request schema")
          .startsWith("#/components/schemas/");
      assertThat(post.get("responses").has(path.contains("{id}") ? "200" : "201"))
          .as(path)
          .isTrue();
      for (String status : List.of("400", "404", "409", "422")) {
        assertThat(
                post.at("/responses/" + status + "/content/application~1problem+json/schema/$ref")
                    .asText())
            .as(path + " " + status)
            .isEqualTo("#/components/schemas/Problem");
      }
      assertThat(post.get("parameters").findValuesAsText("name"))
          .as(path)
          .contains("Idempotency-Key", "X-Correlation-Id");
    }
    assertThat(
            paths
                .at("/~1api~1statements~1{id}~1corrections/post/parameters")
                .findValuesAsText("name"))
        .contains("If-Match");
    JsonNode schemas = docs.at("/components/schemas");
    assertThat(schemas.has("RecordStatement")).isTrue();
    assertThat(schemas.at("/Problem/properties").has("errors")).isTrue();
    assertThat(schemas.at("/CommandAccepted/properties").has("version")).isTrue();
    assertThat(paths.at("/~1api~1import/post/requestBody/content/application~1x-ndjson").isObject())
        .isTrue();
  }

  @Test
  void swaggerUi_isServed() throws Exception {
    MvcResult redirect = mvc.perform(get("/swagger-ui.html")).andReturn();
    MvcResult page = mvc.perform(get("/swagger-ui/index.html")).andReturn();

    assertThat(redirect.getResponse().getStatus()).isEqualTo(302);
    assertThat(page.getResponse().getStatus()).isEqualTo(200);
    assertThat(page.getResponse().getContentAsString()).contains("swagger-ui");
  }
}
