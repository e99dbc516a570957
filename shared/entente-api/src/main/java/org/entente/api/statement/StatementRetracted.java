package org.entente.api.statement;

public record StatementRetracted(String statementId, String reason) implements StatementEvent {}
