package org.entente.recorder.web;

/**
 * A command the write side refused, wrapped with its spec so the problem document can name the
 * command's own fields (its id field for a duplicate id, its version field for a conflict).
 */
public class RejectedCommandException extends RuntimeException {

  private final transient CommandSpec spec;

  public RejectedCommandException(CommandSpec spec, RuntimeException cause) {
    super(cause.getMessage(), cause);
    this.spec = spec;
  }

  public CommandSpec spec() {
    return spec;
  }
}
