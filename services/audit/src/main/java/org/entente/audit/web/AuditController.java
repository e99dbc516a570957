package org.entente.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import org.entente.audit.head.SigningKey;
import org.entente.audit.head.TreeHeads;
import org.entente.audit.log.AuditLog;
import org.entente.audit.log.InclusionProofs;
import org.entente.audit.log.MerkleProofs;
import org.entente.audit.log.StoredEvents;
import org.entente.audit.verify.LogVerifier;
import org.entente.audit.verify.Verification;
import org.entente.verifier.PublicKeys;
import org.entente.verifier.SignedTreeHead;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log over HTTP: signed heads, inclusion and consistency proofs, and verification of the
 * log against the event table. Every answer carries what the offline verifier needs.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

  private static final HexFormat HEX = HexFormat.of();

  private final AuditLog log;
  private final TreeHeads heads;
  private final SigningKey key;
  private final StoredEvents events;
  private final LogVerifier verifier;
  private final InclusionProofs proofs;
  private final ObjectMapper json;

  public AuditController(
      AuditLog log,
      TreeHeads heads,
      SigningKey key,
      StoredEvents events,
      LogVerifier verifier,
      InclusionProofs proofs,
      ObjectMapper json) {
    this.log = log;
    this.heads = heads;
    this.key = key;
    this.events = events;
    this.verifier = verifier;
    this.proofs = proofs;
    this.json = json;
  }

  /** The current signed tree head, with the public key that verifies it. */
  @GetMapping("/head")
  public ObjectNode head() {
    ObjectNode head = heads.current().toJson(json);
    head.put("publicKey", PublicKeys.pem(key.publicKey()));
    return head;
  }

  /** The public key verifying the heads (PEM). Compare it with one obtained out of band. */
  @GetMapping(value = "/key", produces = MediaType.TEXT_PLAIN_VALUE)
  public String key() {
    return PublicKeys.pem(key.publicKey());
  }

  /**
   * The proof that the event at {@code position} (or with {@code eventId}) is in the log: its
   * document as stored now, its leaf index, the audit path and the signed head of the tree it is
   * proven against (the current one unless {@code treeSize} names an earlier size).
   */
  @GetMapping("/proof/inclusion")
  public ObjectNode inclusion(
      @RequestParam(required = false) Long position,
      @RequestParam(required = false) String eventId,
      @RequestParam(required = false) Long treeSize) {
    if ((position == null) == (eventId == null)) {
      throw new AuditProblem(HttpStatus.BAD_REQUEST, "position", "give either position or eventId");
    }
    AuditLog.Leaf leaf =
        (position != null ? log.leafAtPosition(position) : log.leafOfEvent(eventId))
            .orElseThrow(
                () ->
                    new AuditProblem(
                        HttpStatus.NOT_FOUND,
                        position != null ? "position" : "eventId",
                        (position != null ? "position " + position : "event " + eventId)
                            + " is not in the log (no such event, or not settled yet)"));
    SignedTreeHead head;
    long size;
    if (treeSize == null) {
      head = heads.current();
      size = head.treeSize();
    } else {
      long current = log.state().size();
      if (treeSize <= leaf.index() || treeSize > current) {
        throw new AuditProblem(
            HttpStatus.BAD_REQUEST,
            "treeSize",
            "must be above the leaf index "
                + leaf.index()
                + " and at most the log's size "
                + current);
      }
      size = treeSize;
      head = heads.ofSize(size).orElse(null);
    }
    ObjectNode answer = proofs.proof(leaf, size, new MerkleProofs(log.nodes()));
    answer.set(
        "event",
        events
            .at(leaf.position())
            .orElseThrow(
                () ->
                    new AuditProblem(
                        HttpStatus.GONE,
                        "position",
                        "the log has position "
                            + leaf.position()
                            + " but the event table does not")));
    if (head != null) {
      answer.set("head", head.toJson(json));
    }
    return answer;
  }

  /**
   * The proof that the tree of {@code to} leaves (default: now) extends the tree of {@code from}.
   */
  @GetMapping("/proof/consistency")
  public ObjectNode consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
    SignedTreeHead current = to == null ? heads.current() : null;
    long size = log.state().size();
    long second = to == null ? current.treeSize() : to;
    if (second > size || second < 0) {
      throw new AuditProblem(
          HttpStatus.BAD_REQUEST, "to", "must be between 0 and the log's size " + size);
    }
    if (from < 0 || from > second) {
      throw new AuditProblem(HttpStatus.BAD_REQUEST, "from", "must be between 0 and " + second);
    }
    ObjectNode answer = json.createObjectNode();
    answer.put("from", from);
    answer.put("to", second);
    answer.set("proof", hexes(new MerkleProofs(log.nodes()).consistency(from, second)));
    heads.ofSize(from).ifPresent(head -> answer.set("fromHead", head.toJson(json)));
    (current != null ? java.util.Optional.of(current) : heads.ofSize(second))
        .ifPresent(head -> answer.set("toHead", head.toJson(json)));
    return answer;
  }

  /** Starts recomputing the log from the event table; follow the returned location. */
  @PostMapping("/verify")
  public ResponseEntity<ObjectNode> verify() {
    Verification run = verifier.start();
    return ResponseEntity.accepted()
        .location(URI.create("/api/audit/verify/" + run.id()))
        .body(progress(run));
  }

  /** The latest verifications, newest first (stored: they outlive restarts). */
  @GetMapping("/verify")
  public ArrayNode verifications(@RequestParam(defaultValue = "20") int limit) {
    if (limit < 1 || limit > 100) {
      throw new AuditProblem(HttpStatus.BAD_REQUEST, "limit", "must be between 1 and 100");
    }
    ArrayNode answer = json.createArrayNode();
    verifier.latest(limit).forEach(run -> answer.add(progress(run)));
    return answer;
  }

  /** A verification's progress, then its finding. */
  @GetMapping("/verify/{id}")
  public ObjectNode verification(@PathVariable String id) {
    return progress(
        verifier
            .find(id)
            .orElseThrow(
                () -> new AuditProblem(HttpStatus.NOT_FOUND, "id", "no verification " + id)));
  }

  private ObjectNode progress(Verification run) {
    ObjectNode answer = json.createObjectNode();
    answer.put("id", run.id());
    answer.put("state", run.state().name());
    answer.put("checked", run.checked());
    answer.put("total", run.total());
    if (run.total() > 0) {
      answer.put("percent", Math.floor(1000.0 * run.checked() / run.total()) / 10);
    }
    answer.put("startedAt", run.startedAt().toString());
    if (run.finishedAt() != null) {
      answer.put("finishedAt", run.finishedAt().toString());
    }
    if (run.mismatch() != null) {
      ObjectNode mismatch = answer.putObject("firstMismatch");
      if (run.mismatch().position() != null) {
        mismatch.put("position", run.mismatch().position());
      }
      if (run.mismatch().leafIndex() != null) {
        mismatch.put("leafIndex", run.mismatch().leafIndex());
      }
      mismatch.put("reason", run.mismatch().reason());
    }
    if (run.error() != null) {
      answer.put("error", run.error());
    }
    return answer;
  }

  private ArrayNode hexes(List<byte[]> hashes) {
    ArrayNode array = json.createArrayNode();
    hashes.forEach(hash -> array.add(HEX.formatHex(hash)));
    return array;
  }
}
