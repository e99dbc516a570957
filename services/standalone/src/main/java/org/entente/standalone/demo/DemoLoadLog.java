package org.entente.standalone.demo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Remembers which demo datasets were loaded, so a restart does not load them again. */
@Repository
public class DemoLoadLog {

  private final JdbcTemplate jdbc;

  public DemoLoadLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<DemoLoadRecord> find(String dataset) {
    List<DemoLoadRecord> rows =
        jdbc.query(
            "select dataset, dataset_sha256, lines, created, replayed, rejected, loaded_at"
                + " from demo_dataset_load where dataset = ?",
            (rs, n) ->
                new DemoLoadRecord(
                    rs.getString("dataset"),
                    rs.getString("dataset_sha256"),
                    rs.getInt("lines"),
                    rs.getInt("created"),
                    rs.getInt("replayed"),
                    rs.getInt("rejected"),
                    rs.getObject("loaded_at", OffsetDateTime.class).toInstant()),
            dataset);
    return rows.stream().findFirst();
  }

  /** Records a complete load; a concurrent load of the same dataset by another node wins. */
  public void record(DemoLoadRecord load) {
    jdbc.update(
        "insert into demo_dataset_load"
            + " (dataset, dataset_sha256, lines, created, replayed, rejected, loaded_at)"
            + " values (?, ?, ?, ?, ?, ?, ?) on conflict (dataset) do nothing",
        load.dataset(),
        load.datasetSha256(),
        load.lines(),
        load.created(),
        load.replayed(),
        load.rejected(),
        OffsetDateTime.ofInstant(load.loadedAt(), ZoneOffset.UTC));
  }
}
