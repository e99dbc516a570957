package org.entente.live.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a streaming processor's records to Kafka with an idempotent producer ({@code
 * enable.idempotence=true}, {@code acks=all}) and makes the batch wait for them: the records of a
 * processor batch are sent as it handles events, then flushed and every acknowledgement awaited
 * when the batch prepares to commit, before its token is stored. A send that fails fails the batch:
 * its transaction rolls back, the token stays where it was and the processor handles the same
 * events again later (at-least-once: a consumer may see an event twice, never miss one). The
 * producer is replaced after a failure, so a retried batch starts on a fresh connection.
 */
public class KafkaSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaSender.class);

  private final String name;
  private final Map<String, Object> config;
  private final Duration timeout;
  private final PublisherState state;
  private final String batchKey;
  private KafkaProducer<String, byte[]> producer;

  public KafkaSender(String name, String bootstrapServers, Duration timeout, PublisherState state) {
    this.name = name;
    this.timeout = timeout;
    this.state = state;
    this.batchKey = KafkaSender.class.getName() + "/" + name;
    int ms = (int) timeout.toMillis();
    Map<String, Object> c = new HashMap<>();
    c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ProducerConfig.CLIENT_ID_CONFIG, "entente-" + name);
    c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    c.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    c.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    // a processor batch sends thousands of records at once, and the broker writes (and, with
    // log.flush.interval.messages=1, syncs) each partition once per request: with the default
    // 16 KiB per partition and request, a derived-updates batch of 500 events (thousands of entry
    // records) needed a request per 16 KiB; linger stays at 1 ms, so a lone live record does not
    // wait for a batch to fill
    c.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    // a record may take the whole send timeout (half of it for one request, then a retry): with
    // half of it, batches of a busy broker expired at 2.5 s and were sent again in full
    int request = Math.max(1000, ms / 2);
    c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, request);
    c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(request + 2, ms));
    c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ms);
    c.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    this.config = Map.copyOf(c);
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Sends {@code record} as part of the processor batch being handled; outside a unit of work it is
   * sent and awaited at once.
   */
  public void send(ProducerRecord<String, byte[]> record) {
    if (!CurrentUnitOfWork.isStarted()) {
      Batch single = new Batch();
      single.add(record);
      single.complete();
      return;
    }
    batch().add(record);
  }

  /**
   * Sends {@code records} and waits until Kafka has acknowledged every one (or throws {@link
   * KafkaPublishException}): for a publisher that is not a processor, which removes what it sent
   * from its own queue only after this returns.
   */
  public void sendAll(List<ProducerRecord<String, byte[]>> records) {
    if (records.isEmpty()) {
      return;
    }
    Batch batch = new Batch();
    records.forEach(batch::add);
    batch.complete();
  }

  /**
   * Opens the processor batch's sends now, before any record: a prepare-commit step registered
   * earlier (one that sends the batch's records at prepare-commit) runs before the flush.
   */
  public void join() {
    if (CurrentUnitOfWork.isStarted()) {
      batch();
    }
  }

  private Batch batch() {
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    return root.getOrComputeResource(
        batchKey,
        key -> {
          Batch batch = new Batch();
          root.onPrepareCommit(unitOfWork -> batch.complete());
          return batch;
        });
  }

  private synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      producer = new KafkaProducer<>(config);
    }
    return producer;
  }

  /** Drops the producer after a failure; the next batch opens a new one. */
  private synchronized void discard(KafkaProducer<String, byte[]> failed) {
    if (producer == failed) {
      producer = null;
      failed.close(Duration.ZERO);
    }
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }

  /** The sends of one processor batch. */
  private final class Batch {
    private final List<Future<RecordMetadata>> sent = new ArrayList<>();
    private final KafkaProducer<String, byte[]> producer = producer();

    void add(ProducerRecord<String, byte[]> record) {
      try {
        sent.add(producer.send(record));
      } catch (RuntimeException e) {
        throw failed(e);
      }
    }

    void complete() {
      try {
        producer.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<RecordMetadata> future : sent) {
          future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
      } catch (ExecutionException e) {
        throw failed(e.getCause());
      } catch (TimeoutException | RuntimeException e) {
        throw failed(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failed(e);
      }
      state.published(name, sent.size());
    }

    private KafkaPublishException failed(Throwable cause) {
      log.warn(
          "{}: a batch of {} records was not acknowledged ({}); it will be sent again",
          name,
          sent.size(),
          cause.toString());
      state.failed(name, cause);
      discard(producer);
      return new KafkaPublishException(name + ": Kafka did not acknowledge the batch", cause);
    }
  }
}
