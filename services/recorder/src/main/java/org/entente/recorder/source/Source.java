package org.entente.recorder.source;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.entente.api.source.RegisterSource;
import org.entente.api.source.SourceRegistered;

/**
 * A document facts are taken from. Its text is stored as given (citations point into it by offset),
 * with the SHA-256 of its UTF-8 bytes so a copy can be checked against the record.
 */
@Aggregate(cache = "aggregateCache")
public class Source {

  @AggregateIdentifier private String sourceId;

  protected Source() {
    // for Axon
  }

  @CommandHandler
  public Source(RegisterSource command) {
    apply(
        new SourceRegistered(
            command.sourceId(),
            command.publisher().strip(),
            command.url(),
            command.title().strip(),
            command.publishedAt(),
            command.language(),
            command.text(),
            sha256(command.text())));
  }

  /** Lower-case hex SHA-256 of the UTF-8 text; null for no text. */
  public static String sha256(String text) {
    if (text == null) {
      return null;
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @EventSourcingHandler
  void on(SourceRegistered event) {
    sourceId = event.sourceId();
  }
}
