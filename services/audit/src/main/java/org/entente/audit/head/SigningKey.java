package org.entente.audit.head;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.entente.audit.config.AuditProperties;
import org.entente.verifier.PublicKeys;
import org.entente.verifier.SignedTreeHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key pair signing tree heads: from configuration ({@code entente.audit.private-key}
 * and {@code public-key}), else from {@code entente.audit.key-file} (PKCS#8 PEM, the public key
 * beside it as {@code .pub}), generated there on first start (readable by its owner only).
 */
@Component
public class SigningKey {

  private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  public SigningKey(AuditProperties properties) {
    KeyPair keys =
        properties.privateKey() != null ? configured(properties) : fromFile(properties.keyFile());
    this.privateKey = keys.getPrivate();
    this.publicKey = keys.getPublic();
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public String keyId() {
    return PublicKeys.keyId(publicKey);
  }

  private static KeyPair configured(AuditProperties properties) {
    if (properties.publicKey() == null) {
      throw new IllegalStateException(
          "entente.audit.private-key is set but entente.audit.public-key is not");
    }
    return new KeyPair(
        PublicKeys.parse(properties.publicKey()), privateKey(properties.privateKey()));
  }

  private static KeyPair fromFile(Path file) {
    Path publicFile = file.resolveSibling(file.getFileName() + ".pub");
    try {
      if (Files.exists(file)) {
        return new KeyPair(
            PublicKeys.parse(Files.readString(publicFile)), privateKey(Files.readString(file)));
      }
      KeyPair keys = KeyPairGenerator.getInstance(SignedTreeHead.ALGORITHM).generateKeyPair();
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, "tree-head", ".key");
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's own permissions apply
      }
      Files.writeString(
          temporary,
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes())
                  .encodeToString(keys.getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n");
      Files.writeString(publicFile, PublicKeys.pem(keys.getPublic()));
      Files.move(temporary, file);
      log.info(
          "Generated the audit log's tree-head key {} (public key {}, id {})",
          file.toAbsolutePath(),
          publicFile.toAbsolutePath(),
          PublicKeys.keyId(keys.getPublic()));
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("audit key " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  private static PrivateKey privateKey(String text) {
    String base64 =
        text.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance(SignedTreeHead.ALGORITHM)
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("not an Ed25519 private key (PKCS#8)", e);
    }
  }
}
