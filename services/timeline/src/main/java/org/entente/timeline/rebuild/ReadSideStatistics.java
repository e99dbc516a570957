package org.entente.timeline.rebuild;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refreshes the planner's statistics of the read side's tables ({@code tl_analyze()}, timeline
 * migration V4_23). A rebuilt slot's rows are new to the statistics, which still describe it as it
 * was (empty): plans made on them joined row by row over the whole slot, minutes where the same
 * query takes a fraction of a second on fresh statistics.
 */
final class ReadSideStatistics {

  private static final Logger log = LoggerFactory.getLogger(ReadSideStatistics.class);

  private final JdbcTemplate jdbc;

  ReadSideStatistics(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Analyzes the tables; a failure is logged, not thrown (a plan may be slow, none is wrong). */
  void refresh(String why) {
    long started = System.nanoTime();
    try {
      jdbc.execute("select tl_analyze()");
      log.info(
          "Read-side statistics refreshed ({}) in {} ms",
          why,
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      log.warn("Could not refresh the read side's statistics ({}): {}", why, e.toString());
    }
  }
}
