package org.entente.live.kafka.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.entente.api.common.MetadataKeys;
import org.entente.json.EntenteJson;

/**
 * The Kafka form of a stored event: key = aggregate id (one aggregate's events share a partition,
 * so they keep their order), value = the payload's JSON in the published language, and CloudEvents
 * attributes in binary content mode ({@code ce_*} headers; the Entente-specific ones are
 * CloudEvents extension attributes).
 */
public final class EventRecords {

  public static final String SPEC_VERSION = "1.0";

  /** Header names, CloudEvents 1.0 Kafka protocol binding. */
  public static final String ID = "ce_id";

  public static final String SOURCE = "ce_source";
  public static final String SPECVERSION = "ce_specversion";
  public static final String TYPE = "ce_type";
  public static final String TIME = "ce_time";
  public static final String SUBJECT = "ce_subject";
  public static final String CONTENT_TYPE = "content-type";

  /** Extension attributes: where the event stands in the store and what caused it. */
  public static final String POSITION = "ce_position";

  public static final String SEQUENCE = "ce_sequence";
  public static final String SCHEMA_REVISION = "ce_schemarevision";
  public static final String CORRELATION_ID = "ce_correlationid";
  public static final String AGGREGATE_TYPE = "ce_aggregatetype";

  /** Written when an event type carries no {@code @Revision}: its first form. */
  public static final String FIRST_REVISION = "0";

  private static final RevisionResolver revisions = new AnnotationRevisionResolver();
  private final ObjectMapper json = EntenteJson.newObjectMapper();
  private final String topic;
  private final String source;

  public EventRecords(String topic, String source) {
    this.topic = topic;
    this.source = source;
  }

  public ProducerRecord<String, byte[]> of(EventMessage<?> message, long position) {
    String key =
        message instanceof DomainEventMessage<?> domain
            ? domain.getAggregateIdentifier()
            : message.getIdentifier();
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, null, key, value(message.getPayload()));
    Headers h = record.headers();
    put(h, ID, message.getIdentifier());
    put(h, SOURCE, source);
    put(h, SPECVERSION, SPEC_VERSION);
    put(h, TYPE, message.getPayloadType().getName());
    put(h, TIME, recordTime(message).toString());
    put(h, SUBJECT, key);
    put(h, CONTENT_TYPE, "application/json");
    put(h, POSITION, Long.toString(position));
    put(h, SCHEMA_REVISION, revision(message.getPayloadType()));
    Object correlation = message.getMetaData().get(MetadataKeys.CORRELATION_ID);
    if (correlation != null) {
      put(h, CORRELATION_ID, correlation.toString());
    }
    if (message instanceof DomainEventMessage<?> domain) {
      put(h, SEQUENCE, Long.toString(domain.getSequenceNumber()));
      if (domain.getType() != null) {
        put(h, AGGREGATE_TYPE, domain.getType());
      }
    }
    return record;
  }

  /** The schema revision of an event type: its {@code @Revision}, or {@value #FIRST_REVISION}. */
  public static String revision(Class<?> type) {
    String revision = revisions.revisionOf(type);
    return revision == null ? FIRST_REVISION : revision;
  }

  /** When the service learned the fact: the recordedAt metadata, else the store's timestamp. */
  private static Instant recordTime(EventMessage<?> message) {
    Object recordedAt = message.getMetaData().get(MetadataKeys.RECORDED_AT);
    if (recordedAt != null) {
      try {
        return Instant.parse(recordedAt.toString());
      } catch (java.time.format.DateTimeParseException e) {
        // an event stored without a parsable record time: fall back to the store's clock
      }
    }
    return message.getTimestamp();
  }

  private byte[] value(Object payload) {
    try {
      return json.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + payload.getClass().getName(), e);
    }
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
