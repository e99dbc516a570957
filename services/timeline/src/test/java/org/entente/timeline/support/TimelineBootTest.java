package org.entente.timeline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.entente.timeline.TimelineTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The read side (with the recorder, for its event store schema and commands) on a real HTTP port
 * and a fresh embedded PostgreSQL database. Test classes sharing it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = TimelineTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
public @interface TimelineBootTest {}
