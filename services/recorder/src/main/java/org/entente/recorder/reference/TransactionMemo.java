package org.entente.recorder.reference;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers remembered for the rest of the current transaction: a batch of commands (an import batch,
 * a group commit) asks for the same source or actor many times before it commits, and an answer
 * read in the transaction stays true in it (a source and an actor's kind never change). Forgotten
 * when the transaction ends, whatever its outcome; without a transaction nothing is remembered.
 */
final class TransactionMemo<V> {

  /** The key this memo's map is bound under: one per memo, so two memos never mix. */
  private final Object key = new Object();

  V get(String id) {
    Map<String, V> answers = answers(false);
    return answers == null ? null : answers.get(id);
  }

  void put(String id, V value) {
    Map<String, V> answers = answers(true);
    if (answers != null) {
      answers.put(id, value);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, V> answers(boolean create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Map<String, V> answers = (Map<String, V>) TransactionSynchronizationManager.getResource(key);
    if (answers == null && create) {
      Map<String, V> created = new HashMap<>();
      TransactionSynchronizationManager.bindResource(key, created);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            // a transaction started meanwhile (REQUIRES_NEW) sees other data: not these answers
            @Override
            public void suspend() {
              TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }

            @Override
            public void resume() {
              TransactionSynchronizationManager.bindResource(key, created);
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
          });
      answers = created;
    }
    return answers;
  }
}
