package org.entente.recorder.idempotency;

/**
 * A request sent under an idempotency key. {@code fingerprint} identifies what was asked, so the
 * key cannot be reused for something else; {@code keyField} names where the key came from (the
 * {@code Idempotency-Key} header, an import line's {@code idempotencyKey}) for error messages.
 */
public record IdempotencyRequest(String key, String fingerprint, String keyField) {

  public static final int MAX_KEY_LENGTH = 255;

  public IdempotencyRequest {
    requireValidKey(key, keyField);
  }

  /** Keys are 1–255 visible ASCII characters (no spaces), like HTTP tokens. */
  public static void requireValidKey(String key, String keyField) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new InvalidIdempotencyKeyException(
          keyField, "must be 1 to " + MAX_KEY_LENGTH + " characters long");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new InvalidIdempotencyKeyException(
            keyField, "must consist of visible ASCII characters without spaces");
      }
    }
  }
}
