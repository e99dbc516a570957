package org.entente.recorder.stream;

import java.util.List;

/** Every stored event of one aggregate, in sequence order. */
public record AggregateStream(
    String aggregateId, String aggregateType, long version, List<StoredEvent> events) {}
