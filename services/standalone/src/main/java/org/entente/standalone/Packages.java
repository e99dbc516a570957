package org.entente.standalone;

/**
 * The root packages of Entente's parts, shared by the application's component scan and the
 * architecture rules that keep the parts apart, so neither can drift from the other.
 */
public final class Packages {

  /** The published language: commands, events, value types. */
  public static final String API = "org.entente.api";

  /** The write side. */
  public static final String RECORDER = "org.entente.recorder";

  /** The read side. */
  public static final String TIMELINE = "org.entente.timeline";

  /** The tamper-evident audit log. */
  public static final String AUDIT = "org.entente.audit";

  /** This process: main class and demo loading. */
  public static final String STANDALONE = "org.entente.standalone";

  private Packages() {}
}
