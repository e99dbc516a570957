package org.entente.api.audit;

/**
 * A signed tree head of the audit log was issued (an in-process notification, not a stored event):
 * the live streams and the Kafka heads topic pass it on so that auditors collect heads as they
 * appear. {@code json} is the head exactly as {@code GET /api/audit/head} gives it (treeSize,
 * rootHash, timestamp, issuedAt, keyId, algorithm, signature), without the public key.
 */
public record TreeHeadIssued(long treeSize, String json) {}
