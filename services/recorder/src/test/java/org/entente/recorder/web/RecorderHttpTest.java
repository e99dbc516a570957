package org.entente.recorder.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The recorder over HTTP (MockMvc) on a fresh embedded PostgreSQL database. Every HTTP test class
 * uses this one configuration, so they share one cached context and database: tests use ids of
 * their own ({@link Api#unique}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
public @interface RecorderHttpTest {}
