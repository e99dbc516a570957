package org.entente.audit.log;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The audit log's streaming processor. An event it receives is only a signal: the log is built from
 * the event table's rows (their stored bytes are what an auditor checks, not the upcast message),
 * in position order, once positions are settled ({@link AuditLog}). Each batch appends in its own
 * transaction, before the processor's token is committed with it.
 */
@Component
@ProcessingGroup(AuditLogProjection.PROCESSOR)
public class AuditLogProjection {

  public static final String PROCESSOR = "audit-log";
  private static final String APPEND_SCHEDULED = AuditLogProjection.class.getName() + ".append";

  private final AuditLog log;

  public AuditLogProjection(AuditLog log) {
    this.log = log;
  }

  @EventHandler
  void on(Object event) {
    UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
    batch
        .resources()
        .computeIfAbsent(
            APPEND_SCHEDULED,
            key -> {
              batch.onPrepareCommit(unit -> log.appendSettled());
              return Boolean.TRUE;
            });
  }
}
