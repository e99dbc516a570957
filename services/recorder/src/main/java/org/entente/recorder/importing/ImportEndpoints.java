package org.entente.recorder.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.entente.recorder.idempotency.IdempotencyRequest;
import org.entente.recorder.web.Caller;
import org.entente.recorder.web.Callers;
import org.entente.recorder.web.Headers;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Import", description = "Many commands at once, one per NDJSON line")
class ImportEndpoints {

  static final String NDJSON = "application/x-ndjson";

  private final NdjsonImporter importer;
  private final ObjectMapper json;

  ImportEndpoints(NdjsonImporter importer, ObjectMapper json) {
    this.importer = importer;
    this.json = json;
  }

  @PostMapping(path = NdjsonImporter.PATH, consumes = NDJSON)
  @Operation(
      summary = "Import commands, one per line",
      description =
          "Lines are carried out in order, each on its own: a rejected line does not stop the"
              + " rest. The answer is streamed, one line per command line: {line, command,"
              + " status: created|duplicate|rejected, id, version, problem}. With an"
              + " Idempotency-Key header, a line without its own idempotencyKey gets a key"
              + " derived from the header and the line's content, so a retried import stores"
              + " nothing twice. Every line must end with a newline (a last line without one"
              + " is cut off: 400, not carried out); lines over 1 MiB characters and lines"
              + " after the 100,000th command line are 413.",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = NDJSON,
                      schema = @Schema(implementation = ImportLine.class))))
  @ApiResponse(
      responseCode = "200",
      description = "One result per command line, in input order",
      content =
          @Content(mediaType = NDJSON, schema = @Schema(implementation = ImportLineResult.class)))
  void importNdjson(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Caller caller = Callers.of(request);
    String key = request.getHeader(Headers.IDEMPOTENCY_KEY);
    if (key != null) {
      IdempotencyRequest.requireValidKey(key, Headers.IDEMPOTENCY_KEY);
    }
    Charset charset =
        request.getCharacterEncoding() == null
            ? StandardCharsets.UTF_8
            : Charset.forName(request.getCharacterEncoding());
    Reader input =
        new InputStreamReader(
            new DeclaredLengthInputStream(request.getInputStream(), request.getContentLengthLong()),
            charset);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(NDJSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Writer output = response.getWriter();
    importer.importNdjson(
        input,
        caller,
        key,
        true,
        result -> {
          try {
            output.write(json.writeValueAsString(result));
            output.write('\n');
            output.flush();
          } catch (IOException e) {
            throw new UncheckedIOException("the client went away", e);
          }
        });
  }
}
