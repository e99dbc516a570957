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
 */
public final class FactBatchFollowers {

  private final List<FactBatchListener> listeners;
  private final JdbcTemplate jdbc;
  private final FactReader reader;
  private final Slot slot;

  public FactBatchFollowers(
      List<FactBatchListener> listeners, JdbcTemplate jdbc, ObjectMapper mapper, Slot slot) {
    this.listeners = List.copyOf(listeners);
    this.jdbc = jdbc;
    this.reader = new FactReader(new NamedParameterJdbcTemplate(jdbc), mapper);
    this.slot = slot;
  }

  /** Tells the listeners about a batch whose rows were just written. */
  public void written(BufferedRows.Touched touched) {
    if (listeners.isEmpty() || (touched.entryIds().isEmpty() && touched.actorIds().isEmpty())) {
      return;
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
    FactBatch batch =
        new FactBatch(
            reader.at(slot, new Snapshot(Long.MAX_VALUE, null)),
            Set.copyOf(actors),
            new CohesionStore(jdbc, slot.code()));
    listeners.forEach(l -> l.written(batch));
  }
}
