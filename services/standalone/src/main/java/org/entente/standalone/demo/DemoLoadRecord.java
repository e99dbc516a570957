package org.entente.standalone.demo;

import java.time.Instant;

/** One row of {@code demo_dataset_load}: a dataset that was loaded completely, and how. */
public record DemoLoadRecord(
    String dataset,
    String datasetSha256,
    int lines,
    int created,
    int replayed,
    int rejected,
    Instant loadedAt) {}
