package org.entente.recorder.config;

import java.util.Arrays;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds the recorder's migrations (event store, idempotency records) to Flyway. Each service brings
 * its own folder, so any combination of services migrates what it needs.
 */
@Component
class RecorderFlywayLocation implements FlywayConfigurationCustomizer {

  static final String LOCATION = "classpath:db/migration/recorder";

  @Override
  public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
    Location[] locations =
        Stream.concat(
                Arrays.stream(configuration.getLocations()), Stream.of(new Location(LOCATION)))
            .distinct()
            .toArray(Location[]::new);
    configuration.locations(locations).outOfOrder(true);
  }
}
