package org.entente.timeline.timeline;

/** A translation of a statement's original text, with who made it when known. */
public record Translation(String language, String text, String translator) {}
