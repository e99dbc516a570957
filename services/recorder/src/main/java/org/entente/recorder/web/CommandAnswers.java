package org.entente.recorder.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.recorder.idempotency.StoredAnswer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The answer to a carried-out command, in the form that is both sent and remembered for idempotent
 * replay: 201 Created with a Location for a creating command, 200 OK for a follow-up, an ETag with
 * the new version, and {@link CommandAccepted} as body.
 */
@Component
public class CommandAnswers {

  /** Where a new aggregate can be read back: its stored event stream. */
  public static final String STREAMS_PATH = "/api/streams/";

  private final ObjectMapper json;

  CommandAnswers(ObjectMapper json) {
    this.json = json;
  }

  public StoredAnswer of(CommandResult result) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(HttpHeaders.ETAG, "\"" + result.version() + "\"");
    HttpStatus status = HttpStatus.OK;
    if (result.spec().creates()) {
      status = HttpStatus.CREATED;
      headers.put(HttpHeaders.LOCATION, STREAMS_PATH + result.id());
    }
    try {
      String body = json.writeValueAsString(new CommandAccepted(result.id(), result.version()));
      return new StoredAnswer(status.value(), body, headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("CommandAccepted is plain data", e);
    }
  }

  public CommandAccepted body(StoredAnswer answer) {
    try {
      return json.readValue(answer.body(), CommandAccepted.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable remembered answer: " + answer.body(), e);
    }
  }
}
