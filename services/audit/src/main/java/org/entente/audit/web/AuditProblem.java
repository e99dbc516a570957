package org.entente.audit.web;

import org.springframework.http.HttpStatus;

/** A request the audit API cannot answer: its status, and the parameter and reason. */
public class AuditProblem extends RuntimeException {

  private final HttpStatus status;
  private final String parameter;

  public AuditProblem(HttpStatus status, String parameter, String detail) {
    super(detail);
    this.status = status;
    this.parameter = parameter;
  }

  public HttpStatus status() {
    return status;
  }

  public String parameter() {
    return parameter;
  }
}
