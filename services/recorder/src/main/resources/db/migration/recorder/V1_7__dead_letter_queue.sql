-- Axon's JDBC sequenced dead-letter queue (the layout of GenericDeadLetterTableFactory, with bytea
-- for its BLOB columns and the table named dead_letter_entry). Every pooled processor of the read
-- side parks an event its handlers cannot apply here, with the rest of that aggregate's sequence,
-- instead of retrying it forever. Column names are Axon's, folded to lower case by PostgreSQL.
-- Timestamps are ISO-8601 text, as Axon writes them.
CREATE TABLE dead_letter_entry (
    deadLetterIdentifier VARCHAR(255)  NOT NULL,
    processingGroup      VARCHAR(255)  NOT NULL,
    sequenceIdentifier   VARCHAR(255)  NOT NULL,
    sequenceIndex        BIGINT        NOT NULL,
    messageType          VARCHAR(255)  NOT NULL,
    eventIdentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadType          VARCHAR(255)  NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA         NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255)  NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);

CREATE INDEX dead_letter_entry_group ON dead_letter_entry (processingGroup);
CREATE INDEX dead_letter_entry_group_sequence ON dead_letter_entry (processingGroup, sequenceIdentifier);
