package org.entente.timeline.timeline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.entente.json.EntenteJson;
import org.springframework.stereotype.Component;

/**
 * The JSON mapping of stored entry documents: the published one, but lenient on unknown fields so
 * documents written by a newer version can still be read until the next rebuild.
 */
@Component
public class TimelineDocuments {

  private final ObjectMapper mapper =
      EntenteJson.newObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ObjectMapper mapper() {
    return mapper;
  }
}
