package org.entente.audit.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The audit log and the recorder on a real HTTP port and a fresh embedded PostgreSQL database, the
 * tree-head key in a temporary folder. Test classes sharing it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = AuditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties =
        "entente.audit.key-file=${java.io.tmpdir}/entente-audit-test-${random.uuid}/tree-head.key")
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
public @interface AuditBootTest {}
