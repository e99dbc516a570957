package org.entente.timeline.cohesion;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.entente.timeline.TimelineTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The read side with the recorder on a real HTTP port and a fresh embedded PostgreSQL database of
 * its own, holding {@link CohesionTestData}: the marker property keeps this context apart from the
 * timeline tests' one, so neither sees the other's records. Test classes sharing it share one
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = TimelineTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "entente.test.context=cohesion")
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
public @interface CohesionBootTest {}
