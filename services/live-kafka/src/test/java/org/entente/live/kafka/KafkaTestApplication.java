package org.entente.live.kafka;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The recorder and the read side with the Kafka publication (auto-configured), for integration
 * tests.
 */
@SpringBootApplication(scanBasePackages = {"org.entente.timeline", "org.entente.recorder"})
public class KafkaTestApplication {}
