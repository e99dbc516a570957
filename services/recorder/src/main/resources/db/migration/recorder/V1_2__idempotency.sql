-- The first successful answer to a request sent with an Idempotency-Key (HTTP) or an import line's
-- idempotencyKey. A row is written in the same transaction as the events the request stored, so
-- either both exist or neither; rejected requests leave no row (see services/recorder/README.md).
CREATE TABLE idempotency_record (
    idempotency_key     VARCHAR(255) NOT NULL,
    request_fingerprint VARCHAR(64)  NOT NULL, -- hex SHA-256 of method, path, If-Match and canonical body
    status              INTEGER      NOT NULL, -- HTTP status of the first answer
    response_body       TEXT         NOT NULL, -- JSON body of the first answer
    response_headers    TEXT         NOT NULL, -- JSON object of the headers replayed (Location, ETag)
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (idempotency_key)
);
