package org.entente.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.standalone.demo.DemoLoader;
import org.entente.standalone.demo.DemoOutcome;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starts the standalone application the way its main method does, with test properties. */
public final class StandaloneApps {

  private StandaloneApps() {}

  /** Starts on a random port with the given properties; close the context to stop it. */
  public static ConfigurableApplicationContext start(Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(EntenteApplication.class).run(args.toArray(String[]::new));
  }

  public static DemoOutcome demoOutcome(ConfigurableApplicationContext app) {
    return app.getBean(DemoLoader.class).outcome().orElseThrow();
  }

  /** Every stored event in global order: id, aggregate, sequence number and payload type. */
  public static List<String> storedEvents(JdbcTemplate jdbc) {
    return jdbc.query(
        "select event_identifier, aggregate_identifier, sequence_number, payload_type"
            + " from domain_event_entry order by global_index",
        (rs, n) ->
            String.join(
                " ",
                rs.getString(1),
                rs.getString(2),
                String.valueOf(rs.getLong(3)),
                rs.getString(4)));
  }
}
