package org.entente.recorder.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.entente.recorder.idempotency.IdempotencyRequest;
import org.entente.recorder.web.Caller;
import org.entente.recorder.web.Callers;
import org.entente.recorder.web.FieldProblem;
import org.entente.recorder.web.Headers;
import org.entente.recorder.web.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Import", description = "Many commands at once, one per NDJSON line")
class ImportEndpoints {

  static final String NDJSON = "application/x-ndjson";
  static final String FILE_NAME = "fileName";

  /** The SHA-256 of the body as received, as stored in the events' metadata. */
  static final String IMPORT_SHA256_HEADER = "Import-SHA256";

  /** 1 GiB: more than 100,000 lines of a typical command (a few KiB each). */
  static final long MAX_BYTES = 1L << 30;

  private final NdjsonImporter importer;
  private final ObjectMapper json;
  private final long maxBytes;

  ImportEndpoints(
      NdjsonImporter importer,
      ObjectMapper json,
      @Value("${entente.import.max-bytes:" + MAX_BYTES + "}") long maxBytes) {
    this.importer = importer;
    this.json = json;
    this.maxBytes = maxBytes;
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
              + " after the 100,000th command line are 413. The body is read whole before the"
              + " first line is carried out (at most entente.import.max-bytes, 1 GiB: else 413)"
              + " and every stored event carries the signed-in importer (recordedBy), the"
              + " body's SHA-256 (importSha256, also in the Import-SHA256 answer header) and"
              + " the file name given as ?fileName= or in Content-Disposition (importFile).",
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
  void importNdjson(
      HttpServletRequest request,
      HttpServletResponse response,
      @Parameter(
              description =
                  "The imported file's name, stored with its SHA-256 on every event of the"
                      + " import (or give it as Content-Disposition: attachment;"
                      + " filename=\"...\")")
          @RequestParam(name = FILE_NAME, required = false)
          String fileName)
      throws IOException {
    String key = request.getHeader(Headers.IDEMPOTENCY_KEY);
    if (key != null) {
      IdempotencyRequest.requireValidKey(key, Headers.IDEMPOTENCY_KEY);
    }
    String file = ImportFileNames.of(fileName, request.getHeader(HttpHeaders.CONTENT_DISPOSITION));
    Charset charset =
        request.getCharacterEncoding() == null
            ? StandardCharsets.UTF_8
            : Charset.forName(request.getCharacterEncoding());
    SpooledUpload upload;
    try {
      upload =
          SpooledUpload.of(
              new DeclaredLengthInputStream(
                  request.getInputStream(), request.getContentLengthLong()),
              maxBytes);
    } catch (SpooledUpload.ImportTooLargeException e) {
      throw new InvalidRequestException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "body: " + e.getMessage(),
          List.of(new FieldProblem("body", e.getMessage() + "; nothing was imported")));
    }
    try (upload;
        Reader input = upload.reader(charset)) {
      Caller caller = Callers.of(request).importing(file, upload.sha256());
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType(NDJSON);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setHeader(IMPORT_SHA256_HEADER, upload.sha256());
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
}
