package org.entente.timeline.cohesion;

import org.entente.timeline.config.PooledProcessorSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** Settings of the cohesion projection, under {@code entente.cohesion}. */
@ConfigurationProperties("entente.cohesion")
public class CohesionSettings {

  /** The pooled streaming processor "cohesion" (tune it for rebuild speed). */
  @NestedConfigurationProperty
  private final PooledProcessorSettings processor = new PooledProcessorSettings();

  public PooledProcessorSettings getProcessor() {
    return processor;
  }
}
