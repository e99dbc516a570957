package org.entente.recorder.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The OpenAPI description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): every
 * write endpoint gets the Idempotency-Key and X-Correlation-Id headers and its problem responses,
 * which the endpoint classes would otherwise each have to repeat.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  private static final String PROBLEM = "Problem";
  private static final String CORRELATION_ID_TEXT =
      "Correlation id stored in every event's metadata; generated when absent, echoed in the"
          + " response.";

  private static final Map<String, String> COMMAND_PROBLEMS = new LinkedHashMap<>();

  static {
    COMMAND_PROBLEMS.put(
        "400", "Malformed JSON, unknown or mistyped field, failed validation, bad header");
    COMMAND_PROBLEMS.put(
        "404", "The id in the path, or a referenced actor/source/event, is unknown");
    COMMAND_PROBLEMS.put(
        "409", "Wrong state, id taken, If-Match version conflict, same Idempotency-Key in flight");
    COMMAND_PROBLEMS.put("422", "A domain rule is broken, or the Idempotency-Key was used before");
  }

  @Bean
  OpenAPI recorderOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Entente recorder")
                .version("v1")
                .description(
                    "Write side of Entente: commands recorded as events. Errors are RFC 9457"
                        + " problem documents. See services/recorder/README.md, section HTTP"
                        + " API."));
  }

  @Bean
  OpenApiCustomizer problemResponsesAndHeaders() {
    return openApi -> {
      Components components =
          openApi.getComponents() == null ? new Components() : openApi.getComponents();
      openApi.setComponents(components);
      ModelConverters.getInstance().readAll(ProblemDocument.class).forEach(components::addSchemas);
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) -> {
                if (!path.startsWith("/api/")) {
                  return;
                }
                if (path.equals("/api/import")) {
                  documentImport(item.getPost());
                } else {
                  document(item.getPost(), true);
                }
                document(item.getGet(), false);
              });
    };
  }

  /** Import lines are answered one by one; the request as a whole fails only on bad headers. */
  private static void documentImport(Operation operation) {
    if (operation == null) {
      return;
    }
    addHeader(
        operation,
        Headers.IDEMPOTENCY_KEY,
        "Keys every line without its own idempotencyKey as <key>/line-<n>, so retrying the whole"
            + " import stores nothing twice.");
    addHeader(operation, Headers.CORRELATION_ID, CORRELATION_ID_TEXT);
    addProblem(operation, "400", "Malformed Idempotency-Key header");
    addProblem(operation, "415", "The body is not application/x-ndjson");
  }

  private static void document(Operation operation, boolean write) {
    if (operation == null) {
      return;
    }
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    jsonInsteadOfAnyMediaType(operation);
    if (write) {
      describeHeaders(operation.getResponses().get("201"), true);
      describeHeaders(operation.getResponses().get("200"), false);
      addHeader(
          operation,
          Headers.IDEMPOTENCY_KEY,
          "Makes a retry safe: a retry with the same key and request returns the first answer and"
              + " stores nothing twice (1–255 visible ASCII characters).");
      COMMAND_PROBLEMS.forEach((status, text) -> addProblem(operation, status, text));
    } else {
      addProblem(operation, "404", "Nothing is stored under this id");
    }
    addHeader(operation, Headers.CORRELATION_ID, CORRELATION_ID_TEXT);
  }

  /** Our answers are JSON; springdoc writes any media type for a ResponseEntity. */
  private static void jsonInsteadOfAnyMediaType(Operation operation) {
    operation
        .getResponses()
        .values()
        .forEach(
            response -> {
              Content content = response.getContent();
              if (content != null && content.containsKey("*/*")) {
                MediaType any = content.remove("*/*");
                content.addMediaType(
                    org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
              }
            });
  }

  private static void describeHeaders(ApiResponse response, boolean created) {
    if (response == null) {
      return;
    }
    if (created) {
      response.addHeaderObject(
          HttpHeaders.LOCATION,
          new Header()
              .description("The new aggregate's stream: /api/streams/{id}")
              .schema(new StringSchema()));
    }
    response.addHeaderObject(
        HttpHeaders.ETAG,
        new Header()
            .description("The aggregate's version after the command, quoted: \"3\"")
            .schema(new StringSchema()));
  }

  private static void addHeader(Operation operation, String name, String description) {
    boolean present =
        operation.getParameters() != null
            && operation.getParameters().stream().anyMatch(p -> name.equals(p.getName()));
    if (!present) {
      Parameter header =
          new HeaderParameter()
              .name(name)
              .required(false)
              .description(description)
              .schema(new StringSchema());
      operation.addParametersItem(header);
    }
  }

  private static void addProblem(Operation operation, String status, String description) {
    if (operation.getResponses().containsKey(status)) {
      return;
    }
    Schema<?> problem = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
    operation
        .getResponses()
        .addApiResponse(
            status,
            new ApiResponse()
                .description(description)
                .content(
                    new Content()
                        .addMediaType(
                            org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            new MediaType().schema(problem))));
  }
}
