package org.entente.live.kafka.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/** Validates JSON against a schema with an independent validator (networknt). */
public final class SchemaCheck {

  private static final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private SchemaCheck() {}

  public static List<String> errors(JsonNode schema, JsonNode value) {
    return factory.getSchema(schema).validate(value).stream()
        .map(ValidationMessage::getMessage)
        .toList();
  }
}
