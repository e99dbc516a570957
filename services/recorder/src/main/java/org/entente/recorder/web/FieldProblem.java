package org.entente.recorder.web;

/**
 * One reason a request was refused: the field (a property path such as {@code
 * citations[0].excerpt.start}, {@code body} for the body as a whole, or a header name) and why.
 */
public record FieldProblem(String field, String reason) {}
