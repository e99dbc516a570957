package org.entente.audit.log;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Appends the log's tail on a schedule: events that became settled after the processor's last batch
 * (a transaction held open held them back) reach the log without waiting for a new event.
 */
@Component
public class LogTail {

  private final AuditLog log;

  public LogTail(AuditLog log) {
    this.log = log;
  }

  @Scheduled(
      fixedDelayString = "${entente.audit.append-interval-ms:200}",
      initialDelayString = "${entente.audit.append-interval-ms:200}")
  public void appendSettled() {
    while (log.appendSettled() > 0) {
      // a full batch: go on while there is more
    }
  }
}
