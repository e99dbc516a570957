package org.entente.audit.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Inclusion proofs of logged events as JSON: leaf index, tree size, leaf hash and audit path. */
@Component
public class InclusionProofs {

  private static final HexFormat HEX = HexFormat.of();

  private final AuditLog log;
  private final ObjectMapper json;

  public InclusionProofs(AuditLog log, ObjectMapper json) {
    this.log = log;
    this.json = json;
  }

  /**
   * The proof for the event at {@code position} in the tree of {@code treeSize}, if logged in it.
   */
  public Optional<ObjectNode> forPosition(long position, long treeSize) {
    return log.leafAtPosition(position)
        .filter(leaf -> leaf.index() < treeSize)
        .map(leaf -> proof(leaf, treeSize, new MerkleProofs(log.nodes())));
  }

  public ObjectNode proof(AuditLog.Leaf leaf, long treeSize, MerkleProofs proofs) {
    ObjectNode answer = json.createObjectNode();
    answer.put("position", leaf.position());
    answer.put("eventId", leaf.eventId());
    answer.put("leafIndex", leaf.index());
    answer.put("treeSize", treeSize);
    answer.put("leafHash", HEX.formatHex(log.leafHash(leaf.index())));
    ArrayNode path = answer.putArray("auditPath");
    proofs.inclusion(leaf.index(), treeSize).forEach(hash -> path.add(HEX.formatHex(hash)));
    return answer;
  }
}
