package org.entente.api.statement;

/** Everything that can happen to a statement's record. */
public sealed interface StatementEvent
    permits StatementRecorded,
        StatementCorrected,
        StatementRetracted,
        TranslationAdded,
        SourceCited {
  String statementId();
}
