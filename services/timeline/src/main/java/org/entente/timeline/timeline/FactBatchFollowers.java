package org.entente.timeline.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.entente.timeline.facts.CohesionStore;
import org.entente.timeline.facts.FactBatch;
import org.entente.timeline.facts.FactBatchListener;
import org.entente.timeline.facts.FactReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Hands each written batch of one slot to the {@link FactBatchListener}s (stored cohesion), in the
 * batch's transaction, with every actor the batch's facts name: those of the memberships, roles and
 * actors it recorded, and of every version of each entry it changed (a correction that drops a
 * target still touches the old target).
 *
 * <p>While its slot is being rebuilt (given {@link TimelineSlots}), the batches tell nobody until
 * the replay has caught up: every group of a replayed history is moved again and again, and finding
 * which ones costs each batch a read of all memberships and roles. The rebuild calls {@link
 * #writtenAll()} once instead, when the replay has caught up; from then on the batches tell the
 * listeners as the live slot's do, and the slot's stored cohesion is made before it goes live.
 */
public final class FactBatchFollowers {

  private final List<FactBatchListener> listeners;
  private final JdbcTemplate jdbc;
  private final FactReader reader;
  private final Slot slot;
  private final TimelineSlots slots;

  /** Followers told about every batch (no rebuild deferral). */
  public FactBatchFollowers(
      List<FactBatchListener> listeners, JdbcTemplate jdbc, ObjectMapper mapper, Slot slot) {
    this(listeners, jdbc, mapper, slot, null);
  }

  public FactBatchFollowers(
      List<FactBatchListener> listeners,
      JdbcTemplate jdbc,
      ObjectMapper mapper,
      Slot slot,
      TimelineSlots slots) {
    this.listeners = List.copyOf(listeners);
    this.jdbc = jdbc;
    this.reader = new FactReader(new NamedParameterJdbcTemplate(jdbc), mapper);
    this.slot = slot;
    this.slots = slots;
  }

  /** Tells the listeners about a batch whose rows were just written (unless it is a rebuild's). */
  public void written(BufferedRows.Touched touched) {
    if (listeners.isEmpty() || (touched.entryIds().isEmpty() && touched.actorIds().isEmpty())) {
      return;
    }
    if (replaying()) {
      return; // the rebuild tells them about every actor at once, once caught up
    }
    Set<String> actors = new HashSet<>(touched.actorIds());
    if (!touched.entryIds().isEmpty()) {
      actors.addAll(
          jdbc.queryForList(
              "select distinct actor_id from tl_entry_actor where slot = ?"
                  + " and entry_id = any(?)",
              String.class,
              slot.code(),
              touched.entryIds().toArray(String[]::new)));
    }
    tell(actors);
  }

  /**
   * Tells the listeners about every actor of the slot, as if one batch had written all its facts:
   * what a rebuild does once its replay has caught up, in the transaction that ends the deferral
   * (after its update of the slot state, which waits for the batches that deferred, so their facts
   * are seen).
   */
  public void writtenAll() {
    if (!listeners.isEmpty()) {
      tell(
          jdbc.queryForList(
              "select actor_id from tl_actor where slot = ?", String.class, slot.code()));
    }
  }

  private void tell(java.util.Collection<String> actors) {
    FactBatch batch =
        new FactBatch(
            reader.at(slot, new Snapshot(Long.MAX_VALUE, null)),
            Set.copyOf(actors),
            new CohesionStore(jdbc, slot.code()));
    listeners.forEach(l -> l.written(batch));
  }

  /**
   * Whether this batch's slot is the one being rebuilt and its replay has not yet caught up. The
   * cache answers for the live slot (it never becomes the rebuilt one while its processor runs);
   * for the rebuilt slot the database does, with a share lock on the state row held until the batch
   * commits: the update that ends the deferral waits for this batch, and a batch after it sees it
   * (and tells the listeners itself).
   */
  private boolean replaying() {
    if (slots == null || slots.state().building() != slot) {
      return false;
    }
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select building_slot is not distinct from ? and not building_marks_cohesion"
                + " from tl_projection_state where projection = ? for share",
            Boolean.class,
            slot.code(),
            TimelineSlots.PROJECTION));
  }
}
