package org.entente.live.kafka;

/** A processor batch whose records Kafka did not acknowledge: the batch is retried. */
public class KafkaPublishException extends RuntimeException {
  public KafkaPublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
