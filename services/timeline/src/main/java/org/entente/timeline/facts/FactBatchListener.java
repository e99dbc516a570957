package org.entente.timeline.facts;

/**
 * Keeps something derived from the fact store up to date: called by the projection after each
 * batch's rows are written, in the batch's transaction, so what it writes commits (or rolls back)
 * with the facts and the token.
 */
public interface FactBatchListener {

  void written(FactBatch batch);
}
