package org.entente.live.kafka;

/** The Kafka cluster this node publishes to: configured, or the embedded broker. */
public record KafkaCluster(String bootstrapServers, boolean embedded) {}
