package org.entente.audit.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit log ({@code entente.audit.*}).
 *
 * @param keyFile the Ed25519 private key (PKCS#8, PEM) signing tree heads; its public key is kept
 *     beside it as {@code <keyFile>.pub}. Both are created on first start when absent.
 * @param privateKey the private key as base64 PKCS#8 instead of a file (e.g. from a secret); needs
 *     {@code publicKey} too
 * @param publicKey the public key as base64 X.509, with {@code privateKey}
 * @param appendBatch events appended to the log per transaction, at most
 * @param verifyFetchSize rows a verification reads per round trip
 */
@ConfigurationProperties("entente.audit")
public record AuditProperties(
    Path keyFile,
    String privateKey,
    String publicKey,
    Integer appendBatch,
    Integer verifyFetchSize) {

  public AuditProperties {
    keyFile = keyFile == null ? Path.of("data", "audit", "tree-head.key") : keyFile;
    appendBatch = appendBatch == null ? 2000 : appendBatch;
    verifyFetchSize = verifyFetchSize == null ? 1000 : verifyFetchSize;
  }
}
