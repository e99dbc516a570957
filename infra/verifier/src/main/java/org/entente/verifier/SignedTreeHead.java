package org.entente.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed tree head: the log's size and root at a time, signed with Ed25519. The signed bytes are
 * RFC 6962's TreeHeadSignature: {@code version 0 (1 byte) ‖ signature_type tree_hash 1 (1 byte) ‖
 * timestamp (uint64, milliseconds since the epoch) ‖ tree_size (uint64) ‖ root hash (32 bytes)},
 * big-endian.
 *
 * <p>JSON form: {@code {"treeSize", "rootHash" (hex), "timestamp" (ms), "issuedAt" (ISO-8601),
 * "keyId" (hex SHA-256 of the public key's X.509 encoding), "algorithm": "Ed25519", "signature"
 * (base64)}}.
 */
public record SignedTreeHead(
    long treeSize, byte[] rootHash, long timestamp, String keyId, byte[] signature) {

  public static final String ALGORITHM = "Ed25519";
  private static final HexFormat HEX = HexFormat.of();

  /** The bytes a head's signature covers. */
  public static byte[] signedBytes(long treeSize, byte[] rootHash, long timestamp) {
    if (rootHash.length != Merkle.HASH_SIZE) {
      throw new IllegalArgumentException("a root hash has 32 bytes");
    }
    return ByteBuffer.allocate(2 + 8 + 8 + Merkle.HASH_SIZE)
        .put((byte) 0)
        .put((byte) 1)
        .putLong(timestamp)
        .putLong(treeSize)
        .put(rootHash)
        .array();
  }

  /** Signs a head for the tree of {@code treeSize} leaves with root {@code rootHash}. */
  public static SignedTreeHead sign(
      long treeSize, byte[] rootHash, long timestamp, PrivateKey key, PublicKey publicKey) {
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(key);
      signer.update(signedBytes(treeSize, rootHash, timestamp));
      return new SignedTreeHead(
          treeSize, rootHash, timestamp, PublicKeys.keyId(publicKey), signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** Whether the signature is {@code publicKey}'s over this head's size, root and time. */
  public boolean verify(PublicKey publicKey) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(publicKey);
      verifier.update(signedBytes(treeSize, rootHash, timestamp));
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  public ObjectNode toJson(ObjectMapper json) {
    ObjectNode node = json.createObjectNode();
    node.put("treeSize", treeSize);
    node.put("rootHash", HEX.formatHex(rootHash));
    node.put("timestamp", timestamp);
    node.put("issuedAt", Instant.ofEpochMilli(timestamp).toString());
    node.put("keyId", keyId);
    node.put("algorithm", ALGORITHM);
    node.put("signature", Base64.getEncoder().encodeToString(signature));
    return node;
  }

  public static SignedTreeHead fromJson(JsonNode node) {
    return new SignedTreeHead(
        required(node, "treeSize").asLong(),
        HEX.parseHex(required(node, "rootHash").asText()),
        required(node, "timestamp").asLong(),
        node.path("keyId").asText(null),
        Base64.getDecoder().decode(required(node, "signature").asText()));
  }

  static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing \"" + field + "\"");
    }
    return value;
  }
}
