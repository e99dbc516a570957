package org.entente.live.kafka.schema;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.entente.json.EntenteJson;
import org.entente.live.kafka.events.EventRecords;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Generates a JSON Schema (draft 2020-12) for each event type of the published language, as the
 * events topic carries it: the properties are those Jackson writes with {@link EntenteJson} (found
 * by Jackson's own introspection, so names and included accessors match the serializer), absent
 * values are left out (so only primitives are required), and unknown properties are not allowed.
 * The checked-in schemas under {@code kafka-schemas/} are this generator's output; a test keeps
 * them equal. Regenerate with {@code -Dentente.schemas.approve=true} on {@code EventSchemasTest}.
 */
public final class EventSchemas {

  public static final String API_PACKAGE = "org.entente.api";
  public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

  private static final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final ObjectMapper json = EntenteJson.newObjectMapper();

  /** Each event type's schema by payload type (the {@code ce_type} header). */
  public SortedMap<String, ObjectNode> all() {
    SortedMap<String, ObjectNode> schemas = new TreeMap<>();
    for (Class<?> type : eventTypes()) {
      schemas.put(type.getName(), of(type));
    }
    return schemas;
  }

  /** The file name of a type's schema. */
  public static String fileName(String payloadType) {
    return payloadType + ".schema.json";
  }

  public ObjectNode of(Class<?> eventType) {
    ObjectNode schema = nodes.objectNode();
    schema.put("$schema", DRAFT);
    schema.put(
        "$id", "urn:entente:event:" + eventType.getName() + ":" + EventRecords.revision(eventType));
    schema.put("title", eventType.getSimpleName());
    schema.put(
        "description",
        "Value of a record with ce_type "
            + eventType.getName()
            + " and ce_schemarevision "
            + EventRecords.revision(eventType)
            + " on the events topic");
    SortedMap<String, ObjectNode> defs = new TreeMap<>();
    schema.setAll(object(json.constructType(eventType), defs));
    if (!defs.isEmpty()) {
      ObjectNode d = schema.putObject("$defs");
      defs.forEach(d::set);
    }
    return schema;
  }

  private ObjectNode object(JavaType type, SortedMap<String, ObjectNode> defs) {
    BeanDescription bean = json.getSerializationConfig().introspect(type);
    ObjectNode schema = nodes.objectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = nodes.arrayNode();
    for (BeanPropertyDefinition property : bean.findProperties()) {
      if (!property.couldSerialize()) {
        continue;
      }
      JavaType propertyType = property.getPrimaryType();
      properties.set(property.getName(), value(propertyType, defs));
      if (propertyType.isPrimitive()) {
        required.add(property.getName());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  private ObjectNode value(JavaType type, SortedMap<String, ObjectNode> defs) {
    Class<?> raw = ClassUtils.resolvePrimitiveIfNecessary(type.getRawClass());
    ObjectNode schema = nodes.objectNode();
    if (raw == String.class) {
      return schema.put("type", "string");
    }
    if (raw == Boolean.class) {
      return schema.put("type", "boolean");
    }
    if (raw == Integer.class || raw == Long.class || raw == Short.class) {
      return schema.put("type", "integer");
    }
    if (raw == Double.class || raw == Float.class) {
      return schema.put("type", "number");
    }
    if (raw == Instant.class) {
      return schema.put("type", "string").put("format", "date-time");
    }
    if (raw == LocalDate.class) {
      return schema.put("type", "string").put("format", "date");
    }
    if (raw.isEnum()) {
      ArrayNode values = schema.put("type", "string").putArray("enum");
      Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).forEach(values::add);
      return schema;
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      schema.put("type", "array");
      schema.set("items", value(type.getContentType(), defs));
      return schema;
    }
    if (type.isMapLikeType() && type.getKeyType().getRawClass() == String.class) {
      schema.put("type", "object");
      schema.set("additionalProperties", value(type.getContentType(), defs));
      return schema;
    }
    if (raw.isRecord() && raw.getName().startsWith(API_PACKAGE + ".")) {
      String name = raw.getSimpleName();
      if (!defs.containsKey(name)) {
        defs.put(name, nodes.objectNode()); // reserve: a type that refers to itself
        defs.put(name, object(type, defs));
      }
      return schema.put("$ref", "#/$defs/" + name);
    }
    throw new IllegalArgumentException(
        "no JSON Schema mapping for " + type + ": teach EventSchemas how Jackson writes it");
  }

  /** Records in the published language that implement one of its {@code ...Event} interfaces. */
  public static java.util.List<Class<?>> eventTypes() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    TypeFilter eventRecord =
        (reader, factory) -> {
          var metadata = reader.getClassMetadata();
          return Record.class.getName().equals(metadata.getSuperClassName())
              && Arrays.stream(metadata.getInterfaceNames())
                  .anyMatch(i -> i.startsWith(API_PACKAGE + ".") && i.endsWith("Event"));
        };
    scanner.addIncludeFilter(eventRecord);
    return scanner.findCandidateComponents(API_PACKAGE).stream()
        .<Class<?>>map(bean -> ClassUtils.resolveClassName(bean.getBeanClassName(), null))
        .sorted(java.util.Comparator.comparing(Class::getName))
        .toList();
  }

  /** Writes {@code schemas} as the files of the given folder would hold them. */
  public static Map<String, String> files(Map<String, ObjectNode> schemas) {
    ObjectMapper pretty =
        new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    Map<String, String> files = new TreeMap<>();
    schemas.forEach(
        (type, schema) -> {
          try {
            files.put(fileName(type), pretty.writeValueAsString(schema) + "\n");
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        });
    return files;
  }
}
