package org.entente.recorder.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a request in one database transaction and, when it carries an idempotency key, remembers its
 * answer in that same transaction. The command's events and the remembered answer therefore commit
 * together or not at all: a retry either finds the answer (and replays it) or finds nothing stored
 * (and runs again). A request that fails rolls back and leaves no record, so a rejected request is
 * not remembered and a retry is judged afresh.
 *
 * <p>While a request holds its key (a PostgreSQL advisory lock for the transaction), a concurrent
 * one with the same key is refused at once instead of waiting.
 */
@Component
public class Idempotency {

  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private static final String INSERT =
      "insert into idempotency_record"
          + " (idempotency_key, request_fingerprint, status, response_body, response_headers)"
          + " values (?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;

  Idempotency(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.json = json;
  }

  /**
   * Runs {@code action} in a transaction, or replays the first answer given under the request's
   * key. {@code request} may be null (no key): the action then simply runs in a transaction.
   */
  public IdempotentOutcome execute(IdempotencyRequest request, Supplier<StoredAnswer> action) {
    return transaction.execute(status -> executeJoined(request, action));
  }

  private IdempotentOutcome executeJoined(
      IdempotencyRequest request, Supplier<StoredAnswer> action) {
    if (request == null) {
      return new IdempotentOutcome(action.get(), false);
    }
    Optional<Remembered> first = lockAndFind(request);
    if (first.isPresent()) {
      if (!first.get().fingerprint().equals(request.fingerprint())) {
        throw new IdempotencyKeyReusedException(request.keyField(), request.key());
      }
      return new IdempotentOutcome(first.get().answer(), true);
    }
    StoredAnswer answer = action.get();
    remember(request, answer);
    return new IdempotentOutcome(answer, false);
  }

  /**
   * Takes the key's advisory lock and reads its record in one round trip. The record is read with
   * the statement's snapshot, which may predate the commit of a request that released the lock a
   * moment ago: then this request runs and its record insert finds the key taken (409 in flight),
   * so the request is never carried out twice.
   */
  private Optional<Remembered> lockAndFind(IdempotencyRequest request) {
    List<Optional<Remembered>> rows =
        jdbc.query(
            "select pg_try_advisory_xact_lock(hashtextextended(?, 0)) as locked,"
                + " r.request_fingerprint, r.status, r.response_body, r.response_headers"
                + " from (select 1) as one"
                + " left join idempotency_record r on r.idempotency_key = ?",
            (rs, i) -> {
              if (!rs.getBoolean("locked")) {
                throw new IdempotentRequestInFlightException(request.keyField(), request.key());
              }
              String fingerprint = rs.getString("request_fingerprint");
              return fingerprint == null
                  ? Optional.<Remembered>empty()
                  : Optional.of(
                      new Remembered(
                          fingerprint,
                          new StoredAnswer(
                              rs.getInt("status"),
                              rs.getString("response_body"),
                              readHeaders(rs.getString("response_headers")))));
            },
            request.key(),
            request.key());
    return rows.get(0);
  }

  /**
   * For a batch of requests in the current transaction: takes every key's advisory lock and reads
   * its record in one round trip. Keys another transaction holds come back not {@code locked}.
   */
  public Map<String, Claim> claimAll(Collection<IdempotencyRequest> requests) {
    List<String> keys = requests.stream().map(IdempotencyRequest::key).distinct().toList();
    Map<String, Claim> claims = new HashMap<>();
    if (keys.isEmpty()) {
      return claims;
    }
    jdbc.query(
        connection -> {
          PreparedStatement select =
              connection.prepareStatement(
                  "select k.key, pg_try_advisory_xact_lock(hashtextextended(k.key, 0)) as locked,"
                      + " r.request_fingerprint, r.status, r.response_body, r.response_headers"
                      + " from unnest(?::varchar[]) with ordinality as k(key, n)"
                      + " left join idempotency_record r on r.idempotency_key = k.key"
                      + " order by k.n");
          select.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
          return select;
        },
        rs -> {
          String fingerprint = rs.getString("request_fingerprint");
          claims.put(
              rs.getString("key"),
              new Claim(
                  rs.getBoolean("locked"),
                  fingerprint == null
                      ? Optional.empty()
                      : Optional.of(
                          new Remembered(
                              fingerprint,
                              new StoredAnswer(
                                  rs.getInt("status"),
                                  rs.getString("response_body"),
                                  readHeaders(rs.getString("response_headers")))))));
        });
    return claims;
  }

  /**
   * What a claimed request is answered without running: refused while another transaction holds its
   * key or when the key was used for another request, replayed when it was answered before; empty
   * when it is free to run.
   */
  public static Optional<IdempotentOutcome> settled(IdempotencyRequest request, Claim claim) {
    if (!claim.locked()) {
      throw new IdempotentRequestInFlightException(request.keyField(), request.key());
    }
    if (claim.first().isEmpty()) {
      return Optional.empty();
    }
    if (!claim.first().get().fingerprint().equals(request.fingerprint())) {
      throw new IdempotencyKeyReusedException(request.keyField(), request.key());
    }
    return Optional.of(new IdempotentOutcome(claim.first().get().answer(), true));
  }

  /**
   * Remembers a batch's answers with one batched insert, in the current transaction. Returns the
   * requests whose key a transaction that did not take its lock stored meanwhile: then the batch
   * must roll back, and those requests are in flight elsewhere (409).
   */
  public List<IdempotencyRequest> rememberAll(
      List<Map.Entry<IdempotencyRequest, StoredAnswer>> answered) {
    List<IdempotencyRequest> taken = new ArrayList<>();
    if (answered.isEmpty()) {
      return taken;
    }
    int[][] counts =
        jdbc.batchUpdate(
            INSERT,
            answered,
            answered.size(),
            (ps, entry) -> {
              ps.setString(1, entry.getKey().key());
              ps.setString(2, entry.getKey().fingerprint());
              ps.setInt(3, entry.getValue().status());
              ps.setString(4, entry.getValue().body());
              ps.setString(5, writeHeaders(entry.getValue().headers()));
            });
    int i = 0;
    for (int[] batch : counts) {
      for (int count : batch) {
        IdempotencyRequest request = answered.get(i++).getKey();
        if (count == 0) {
          taken.add(request);
        }
      }
    }
    return taken;
  }

  private void remember(IdempotencyRequest request, StoredAnswer answer) {
    if (insert(request, answer) == 0) {
      // a transaction that did not take the advisory lock stored this key first; ours rolls
      // back with the events it stored
      throw new IdempotentRequestInFlightException(request.keyField(), request.key());
    }
  }

  private int insert(IdempotencyRequest request, StoredAnswer answer) {
    return jdbc.update(
        INSERT,
        request.key(),
        request.fingerprint(),
        answer.status(),
        answer.body(),
        writeHeaders(answer.headers()));
  }

  private Map<String, String> readHeaders(String stored) {
    try {
      return json.readValue(stored, HEADERS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable idempotency record headers: " + stored, e);
    }
  }

  private String writeHeaders(Map<String, String> headers) {
    try {
      return json.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("headers are plain strings", e);
    }
  }

  /** The first answer given under a key. */
  public record Remembered(String fingerprint, StoredAnswer answer) {}

  /** A key as a batch found it: whether this transaction holds it, and its first answer. */
  public record Claim(boolean locked, Optional<Remembered> first) {}
}
