package org.entente.audit.support;

/** An event payload for log tests; the log hashes any stored event alike. */
public record AuditTestEvent(String text, double weight) {}
