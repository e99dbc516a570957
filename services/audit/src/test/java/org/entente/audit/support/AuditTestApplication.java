package org.entente.audit.support;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the audit log with the recorder (for the event store's schema and real commands). */
@SpringBootApplication(scanBasePackages = {"org.entente.audit", "org.entente.recorder"})
public class AuditTestApplication {}
