package org.entente.timeline.facts;

/**
 * Keeps something derived from the fact store up to date: called by the projection after each
 * batch's rows are written, in the batch's transaction, so what it writes commits (or rolls back)
 * with the facts and the token. Work too large for every batch (recomputing a group) is only marked
 * there, and done later by {@link #refresh}, outside the projection, one marked group at a time.
 */
public interface FactBatchListener {

  void written(FactBatch batch);

  /**
   * Does the deferred work of one marked group from the slot's current {@code facts}, in a
   * transaction of its own, and clears the mark unless a batch marked the group again meanwhile.
   */
  default void refresh(FactSnapshot facts, CohesionStore store, CohesionStore.Dirty dirty) {}
}
