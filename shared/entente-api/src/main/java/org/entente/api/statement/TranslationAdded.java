package org.entente.api.statement;

import org.entente.api.common.LocalizedText;

public record TranslationAdded(String statementId, LocalizedText translation, String translator)
    implements StatementEvent {}
