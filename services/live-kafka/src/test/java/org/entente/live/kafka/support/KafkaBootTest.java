package org.entente.live.kafka.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.entente.live.kafka.KafkaTestApplication;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The recorder, the read side and the Kafka publication on a fresh embedded PostgreSQL database and
 * a real single-node KRaft broker started in the test JVM (free ports, data in a temporary folder).
 * Test classes sharing it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = KafkaTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "entente.kafka.embedded.port=0",
      "entente.kafka.embedded.controller-port=0",
      "entente.kafka.embedded.data-directory=${java.io.tmpdir}/entente-kafka-test-${random.uuid}",
      "entente.kafka.publisher.send-timeout=3s",
      "entente.kafka.publisher.batch-size=10"
    })
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
public @interface KafkaBootTest {}
