package org.entente.audit.head;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import org.entente.api.audit.TreeHeadIssued;
import org.entente.audit.log.AuditLog;
import org.entente.audit.log.MerkleProofs;
import org.entente.verifier.SignedTreeHead;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signed tree heads: signed on request for the log's current size and published on a schedule
 * ({@code entente.audit.head-interval-ms}, default a minute), each one stored in {@code
 * audit_tree_head} when the log has grown since the last. Each new head is announced as a {@link
 * TreeHeadIssued} application event (the live stream and the Kafka heads topic append it).
 */
@Component
public class TreeHeads {

  private static final RowMapper<SignedTreeHead> HEAD =
      (rs, n) ->
          new SignedTreeHead(
              rs.getLong("tree_size"),
              rs.getBytes("root_hash"),
              rs.getLong("issued_at"),
              rs.getString("key_id"),
              rs.getBytes("signature"));

  private final AuditLog log;
  private final SigningKey key;
  private final JdbcTemplate jdbc;
  private final Clock clock = Clock.systemUTC();
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;

  public TreeHeads(
      AuditLog log,
      SigningKey key,
      JdbcTemplate jdbc,
      ApplicationEventPublisher events,
      ObjectMapper json) {
    this.events = events;
    this.json = json;
    this.log = log;
    this.key = key;
    this.jdbc = jdbc;
  }

  /** A head for the log as it is now: the latest stored one if the log has not grown since. */
  public SignedTreeHead current() {
    long size = log.state().size();
    Optional<SignedTreeHead> latest = latest();
    if (latest.isPresent()
        && latest.get().treeSize() == size
        && latest.get().keyId().equals(key.keyId())) {
      return latest.get();
    }
    SignedTreeHead head =
        SignedTreeHead.sign(
            size,
            new MerkleProofs(log.nodes()).root(size),
            clock.millis(),
            key.privateKey(),
            key.publicKey());
    int stored =
        jdbc.update(
            "insert into audit_tree_head (tree_size, root_hash, issued_at, key_id, signature)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing",
            head.treeSize(),
            head.rootHash(),
            head.timestamp(),
            head.keyId(),
            head.signature());
    if (stored == 1) {
      events.publishEvent(new TreeHeadIssued(head.treeSize(), head.toJson(json).toString()));
    }
    return head;
  }

  @Scheduled(
      fixedDelayString = "${entente.audit.head-interval-ms:60000}",
      initialDelayString = "${entente.audit.head-interval-ms:60000}")
  public void publish() {
    current();
  }

  public Optional<SignedTreeHead> latest() {
    return jdbc
        .query(
            "select * from audit_tree_head order by tree_size desc, issued_at desc limit 1", HEAD)
        .stream()
        .findFirst();
  }

  /** The latest stored head of a tree of {@code size} leaves, if one was published. */
  public Optional<SignedTreeHead> ofSize(long size) {
    return jdbc
        .query(
            "select * from audit_tree_head where tree_size = ? order by issued_at desc limit 1",
            HEAD,
            size)
        .stream()
        .findFirst();
  }
}
