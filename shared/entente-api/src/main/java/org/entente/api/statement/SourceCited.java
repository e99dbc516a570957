package org.entente.api.statement;

import org.entente.api.common.Citation;

public record SourceCited(String statementId, Citation citation) implements StatementEvent {}
