package org.entente.standalone.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo scenario loaded on first start.
 *
 * @param enabled set false to start with an empty store
 * @param dataset the NDJSON file of commands to load (a Spring resource location)
 */
@ConfigurationProperties("entente.demo")
public record DemoProperties(Boolean enabled, String dataset) {

  public static final String DEFAULT_DATASET =
      "classpath:demo/nato-defence-ministers-2025-02.ndjson";

  public DemoProperties {
    enabled = enabled == null || enabled;
    dataset = dataset == null || dataset.isBlank() ? DEFAULT_DATASET : dataset;
  }
}
