package org.entente.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entente in one process: the recorder (write side) and the timeline (read side) on an embedded
 * PostgreSQL unless {@code spring.datasource.*} names a server, with the demo scenario loaded on
 * first start.
 */
@SpringBootApplication(
    scanBasePackages = {Packages.RECORDER, Packages.TIMELINE, Packages.AUDIT, Packages.STANDALONE})
public class EntenteApplication {

  public static void main(String[] args) {
    // Axon's update checker calls home on first start; this machine (and many servers) has no
    // internet, so it would only log errors.
    System.setProperty("axoniq.update-checker.disabled", "true");
    SpringApplication.run(EntenteApplication.class, args);
  }
}
