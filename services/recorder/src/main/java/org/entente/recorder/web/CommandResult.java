package org.entente.recorder.web;

/** A command that was carried out: its aggregate's id and sequence number afterwards. */
public record CommandResult(CommandSpec spec, String id, long version) {}
