package org.entente.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The offline verifier: checks what the audit API hands out against a public key obtained
 * separately, trusting nothing else from the server.
 *
 * <pre>
 * java -jar entente-verifier-exec.jar inclusion --proof inclusion.json --public-key audit-key.pub [--event event.json]
 * java -jar entente-verifier-exec.jar consistency --proof consistency.json --public-key audit-key.pub [--old head.json] [--new head.json]
 * </pre>
 *
 * Exit status 0: verified; 1: the check failed (the reason is printed); 2: bad usage or input.
 */
public final class VerifierCli {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  private final PrintStream out;

  public VerifierCli(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(new VerifierCli(System.out).run(args));
  }

  /** Runs one command; returns the exit status. */
  public int run(String... args) {
    if (args.length == 0) {
      return usage("no command");
    }
    Map<String, String> options;
    try {
      options = options(Arrays.copyOfRange(args, 1, args.length));
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    try {
      Outcome outcome =
          switch (args[0]) {
            case "inclusion" -> inclusion(options);
            case "consistency" -> consistency(options);
            default -> null;
          };
      if (outcome == null) {
        return usage("unknown command " + args[0]);
      }
      out.println((outcome.ok() ? "VERIFIED: " : "FAILED: ") + outcome.message());
      return outcome.ok() ? 0 : 1;
    } catch (IllegalArgumentException | IOException e) {
      out.println("ERROR: " + e.getMessage());
      return 2;
    }
  }

  private Outcome inclusion(Map<String, String> options) throws IOException {
    JsonNode proof = read(required(options, "proof"));
    PublicKey key = PublicKeys.parse(Files.readString(Path.of(required(options, "public-key"))));
    JsonNode event =
        options.containsKey("event")
            ? read(options.get("event"))
            : SignedTreeHead.required(proof, "event");
    SignedTreeHead head = SignedTreeHead.fromJson(SignedTreeHead.required(proof, "head"));
    long leafIndex = SignedTreeHead.required(proof, "leafIndex").asLong();
    long treeSize = SignedTreeHead.required(proof, "treeSize").asLong();
    long position = SignedTreeHead.required(event, "position").asLong();
    if (!head.verify(key)) {
      return Outcome.failed("the tree head's signature is not the given key's");
    }
    if (head.treeSize() != treeSize) {
      return Outcome.failed(
          "the proof is for a tree of " + treeSize + " but the head for " + head.treeSize());
    }
    if (proof.has("position") && proof.get("position").asLong() != position) {
      return Outcome.failed("the event is at position " + position + ", the proof for another");
    }
    byte[] leafHash = EventDocument.leafHash(event);
    if (!Merkle.verifyInclusion(
        leafIndex, treeSize, leafHash, hashes(proof, "auditPath"), head.rootHash())) {
      return Outcome.failed(
          "event at position "
              + position
              + " (leaf hash "
              + HEX.formatHex(leafHash)
              + ") is not leaf "
              + leafIndex
              + " of the signed tree of "
              + treeSize
              + " (root "
              + HEX.formatHex(head.rootHash())
              + ")");
    }
    return Outcome.ok(
        "event "
            + event.path("eventId").asText()
            + " at position "
            + position
            + " is leaf "
            + leafIndex
            + " of the tree of "
            + treeSize
            + " signed at "
            + java.time.Instant.ofEpochMilli(head.timestamp())
            + " (root "
            + HEX.formatHex(head.rootHash())
            + ")");
  }

  private Outcome consistency(Map<String, String> options) throws IOException {
    JsonNode proof = read(required(options, "proof"));
    PublicKey key = PublicKeys.parse(Files.readString(Path.of(required(options, "public-key"))));
    SignedTreeHead first =
        SignedTreeHead.fromJson(
            options.containsKey("old")
                ? read(options.get("old"))
                : SignedTreeHead.required(proof, "fromHead"));
    SignedTreeHead second =
        SignedTreeHead.fromJson(
            options.containsKey("new")
                ? read(options.get("new"))
                : SignedTreeHead.required(proof, "toHead"));
    if (!first.verify(key)) {
      return Outcome.failed("the older head's signature is not the given key's");
    }
    if (!second.verify(key)) {
      return Outcome.failed("the newer head's signature is not the given key's");
    }
    if (!Merkle.verifyConsistency(
        first.treeSize(),
        second.treeSize(),
        first.rootHash(),
        second.rootHash(),
        hashes(proof, "proof"))) {
      return Outcome.failed(
          "the tree of "
              + second.treeSize()
              + " is not shown to extend the tree of "
              + first.treeSize()
              + ": the log was rewritten, or the proof is for other heads");
    }
    return Outcome.ok(
        "the signed tree of "
            + second.treeSize()
            + " (root "
            + HEX.formatHex(second.rootHash())
            + ") extends the signed tree of "
            + first.treeSize()
            + " (root "
            + HEX.formatHex(first.rootHash())
            + ")");
  }

  private static List<byte[]> hashes(JsonNode node, String field) {
    List<byte[]> hashes = new ArrayList<>();
    for (JsonNode hash : SignedTreeHead.required(node, field)) {
      hashes.add(HEX.parseHex(hash.asText()));
    }
    return hashes;
  }

  private static JsonNode read(String file) throws IOException {
    return JSON.readTree(Files.readAllBytes(Path.of(file)));
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private int usage(String problem) {
    out.println("ERROR: " + problem);
    out.println(
        "usage: inclusion --proof inclusion.json --public-key key.pem [--event event.json]");
    out.println(
        "       consistency --proof consistency.json --public-key key.pem [--old head.json]"
            + " [--new head.json]");
    return 2;
  }

  private record Outcome(boolean ok, String message) {
    static Outcome ok(String message) {
      return new Outcome(true, message);
    }

    static Outcome failed(String message) {
      return new Outcome(false, message);
    }
  }
}
