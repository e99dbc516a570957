-- The cohesion points the derived-updates publisher owes the cohesion-points topic, one row per
-- group and day (a later batch touching the same day moves its position forward). Written in the
-- publisher's batch transaction, with its token: the batch no longer waits for the group's stored
-- cohesion to be recomputed. CohesionPointsPublisher sends a row once the group's stored cohesion
-- covers its position, and deletes it after Kafka acknowledged it (at least once).
CREATE TABLE IF NOT EXISTS kafka_cohesion_pending (
    group_id       TEXT   NOT NULL,
    day            DATE   NOT NULL,
    position       BIGINT NOT NULL,
    cause_event_id TEXT   NOT NULL,
    PRIMARY KEY (group_id, day)
);
