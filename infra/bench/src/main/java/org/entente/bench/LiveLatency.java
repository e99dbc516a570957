package org.entente.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The live-updates latency phase (issue 9): statements recorded over HTTP at a steady rate while
 * many SSE clients listen on {@code /api/live/events} and a Kafka consumer reads the events topic;
 * latency = an SSE client (or the consumer) receiving the statement's event − its {@code POST
 * /api/statements} answering 201. Beside them, in the same run: a raw PostgreSQL insert committed
 * with a NOTIFY → a LISTEN connection receiving it (same database), and a raw Kafka send → a
 * consumer receiving it (same broker, producer settings of the service's publisher), at the same
 * rate.
 */
final class LiveLatency {

  /** {@code POST path} with a JSON body and an Idempotency-Key, through the benchmark's client. */
  interface Poster {
    HttpResponse<String> post(String path, String body, String key) throws Exception;
  }

  private final String baseUrl;
  private final Baselines db;
  private final Poster poster;
  private final String kafka;
  private final String eventsTopic;
  private final int clients;
  private final int rate;
  private final Duration duration;

  /** {@code kafka}: the service's bootstrap servers, or null to leave Kafka out. */
  LiveLatency(
      String baseUrl,
      Baselines db,
      Poster poster,
      String kafka,
      String eventsTopic,
      int clients,
      int rate,
      Duration duration) {
    this.baseUrl = baseUrl;
    this.db = db;
    this.poster = poster;
    this.kafka = kafka;
    this.eventsTopic = eventsTopic;
    this.clients = clients;
    this.rate = rate;
    this.duration = duration;
  }

  /** The figures: SSE, Kafka and their raw baselines, each p50/p99/p999 in ms, plus counts. */
  record Result(
      double[] sse,
      double[] raw,
      long sseSamples,
      long rawSamples,
      double[] kafka,
      double[] kafkaRaw,
      long kafkaSamples,
      long kafkaRawSamples,
      int posted,
      double postedPerSecond,
      int errors,
      String firstError) {}

  /** Runs both; {@code body} makes the JSON of a statement with the given id. */
  Result run(String runId, IntFunction<String> body) throws Exception {
    int total = (int) (rate * duration.toSeconds());
    long[] accepted = new long[total];
    String prefix = "live-" + runId + "-";
    URI uri = URI.create(baseUrl);
    SseClients readers =
        new SseClients(uri, "/api/live/events?type=StatementRecorded", prefix, total, clients);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!readers.allJoined() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    KafkaReader events = kafka == null ? null : new KafkaReader(kafka, eventsTopic, prefix, total);
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    ExecutorService posters = Executors.newFixedThreadPool(64);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int n = 0; n < total; n++) {
      long due = start + n * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int index = n;
      posters.execute(
          () -> {
            try {
              HttpResponse<String> response =
                  poster.post("/api/statements", body.apply(index), "bench-" + prefix + index);
              if (response.statusCode() != 201) {
                throw new IllegalStateException(
                    "POST /api/statements answered "
                        + response.statusCode()
                        + ": "
                        + response.body());
              }
              accepted[index] = System.nanoTime();
            } catch (Exception e) {
              errors.incrementAndGet();
              firstError.compareAndSet(null, e.toString());
            }
          });
    }
    posters.shutdown();
    posters.awaitTermination(5, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    // let the last messages arrive
    Thread.sleep(3000);
    readers.close();
    List<Long> sse = new ArrayList<>();
    for (long[] received : readers.received()) {
      sse.addAll(latencies(accepted, received));
    }
    List<Long> kafkaLatencies = List.of();
    if (events != null) {
      events.close();
      kafkaLatencies = latencies(accepted, events.received);
    }
    List<Long> raw = raw(total);
    List<Long> kafkaRaw = kafka == null ? List.of() : kafkaRaw(total, runId);
    return new Result(
        percentiles(sse),
        percentiles(raw),
        sse.size(),
        raw.size(),
        percentiles(kafkaLatencies),
        percentiles(kafkaRaw),
        kafkaLatencies.size(),
        kafkaRaw.size(),
        total - errors.get(),
        (total - errors.get()) / seconds,
        errors.get(),
        firstError.get());
  }

  /** Insert + NOTIFY committed → received by a LISTEN connection, at the same rate. */
  private List<Long> raw(int total) throws SQLException, InterruptedException {
    long[] committed = new long[total];
    long[] received = new long[total];
    try (Connection listener = db.connect();
        Connection setup = db.connect()) {
      try (Statement s = setup.createStatement()) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS bench_live_raw (n INTEGER PRIMARY KEY, payload TEXT)");
        s.execute("TRUNCATE bench_live_raw");
      }
      try (Statement s = listener.createStatement()) {
        s.execute("LISTEN bench_live_raw");
      }
      PGConnection pg = listener.unwrap(PGConnection.class);
      AtomicInteger got = new AtomicInteger();
      Thread listen =
          new Thread(
              () -> {
                try {
                  while (got.get() < total && !Thread.currentThread().isInterrupted()) {
                    PGNotification[] notes = pg.getNotifications(500);
                    long now = System.nanoTime();
                    if (notes != null) {
                      for (PGNotification note : notes) {
                        received[Integer.parseInt(note.getParameter())] = now;
                        got.incrementAndGet();
                      }
                    }
                  }
                } catch (SQLException e) {
                  // closed
                }
              },
              "bench-live-listen");
      listen.start();
      ExecutorService writers = Executors.newFixedThreadPool(16);
      ThreadLocal<Connection> connections = new ThreadLocal<>();
      List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
      long interval = 1_000_000_000L / rate;
      long start = System.nanoTime();
      for (int n = 0; n < total; n++) {
        long wait = start + n * interval - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        int index = n;
        writers.execute(
            () -> {
              try {
                Connection c = connections.get();
                if (c == null) {
                  c = db.connect();
                  connections.set(c);
                  opened.add(c);
                }
                try (Statement s = c.createStatement()) {
                  s.execute(
                      "WITH i AS (INSERT INTO bench_live_raw VALUES ("
                          + index
                          + ", repeat('x', 600)) RETURNING n)"
                          + " SELECT pg_notify('bench_live_raw', n::text) FROM i");
                }
                committed[index] = System.nanoTime();
              } catch (SQLException e) {
                // counted as missing
              }
            });
      }
      writers.shutdown();
      writers.awaitTermination(5, TimeUnit.MINUTES);
      listen.join(5000);
      listen.interrupt();
      for (Connection c : opened) {
        c.close();
      }
      try (Statement s = setup.createStatement()) {
        s.execute("DROP TABLE IF EXISTS bench_live_raw");
      }
    }
    List<Long> latencies = new ArrayList<>();
    for (int n = 0; n < total; n++) {
      if (committed[n] != 0 && received[n] != 0) {
        latencies.add(Math.max(0, received[n] - committed[n]));
      }
    }
    return latencies;
  }

  private static List<Long> latencies(long[] from, long[] to) {
    List<Long> out = new ArrayList<>();
    for (int n = 0; n < from.length; n++) {
      if (from[n] != 0 && to[n] != 0) {
        out.add(Math.max(0, to[n] - from[n]));
      }
    }
    return out;
  }

  /**
   * Raw Kafka: a record sent (the producer settings of the service's publisher: idempotent,
   * acks=all) → a consumer of the same broker receiving it, at the same rate, on a scratch topic
   * with the events topic's partition count.
   */
  private List<Long> kafkaRaw(int total, String runId) throws Exception {
    String topic = "bench.live-raw." + runId;
    long[] sent = new long[total];
    int partitions;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
      partitions =
          admin
              .describeTopics(List.of(eventsTopic))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .get(eventsTopic)
              .partitions()
              .size();
      admin
          .createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    KafkaReader reader = new KafkaReader(kafka, topic, "", total);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    byte[] value = "x".repeat(600).getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
      long interval = 1_000_000_000L / rate;
      long start = System.nanoTime();
      for (int n = 0; n < total; n++) {
        long wait = start + n * interval - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        sent[n] = System.nanoTime();
        producer.send(new ProducerRecord<>(topic, Integer.toString(n), value));
      }
      producer.flush();
    }
    reader.awaitAll(Duration.ofSeconds(10));
    reader.close();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
      admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    }
    return latencies(sent, reader.received);
  }

  /**
   * A consumer of every partition of a topic from its end (no group), noting when the first record
   * keyed {@code prefix + n} arrives.
   */
  private static final class KafkaReader {

    final long[] received;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final AtomicInteger got = new AtomicInteger();
    private volatile boolean open = true;

    KafkaReader(String bootstrap, String topic, String prefix, int total) {
      this.received = new long[total];
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      consumer =
          new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      // resolves the end offsets now, before anything is sent
      partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
      thread =
          new Thread(
              () -> {
                try {
                  while (open) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                    long now = System.nanoTime();
                    for (ConsumerRecord<String, byte[]> record : records) {
                      String key = record.key();
                      if (key != null && key.startsWith(prefix)) {
                        int n = Integer.parseInt(key.substring(prefix.length()));
                        if (n < total && received[n] == 0) {
                          received[n] = now;
                          got.incrementAndGet();
                        }
                      }
                    }
                  }
                } catch (RuntimeException e) {
                  // closed
                } finally {
                  consumer.close();
                }
              },
              "bench-kafka-" + topic);
      thread.setDaemon(true);
      thread.start();
    }

    void awaitAll(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (got.get() < received.length && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }

    void close() throws InterruptedException {
      open = false;
      thread.join(5000);
    }
  }

  /** p50, p99, p999 in ms (NaN without samples). */
  static double[] percentiles(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    double[] out = new double[3];
    double[] qs = {0.50, 0.99, 0.999};
    for (int i = 0; i < qs.length; i++) {
      int at = (int) Math.min(sorted.length - 1, Math.ceil(qs[i] * sorted.length) - 1);
      out[i] = sorted[Math.max(0, at)] / 1e6;
    }
    return out;
  }

  static String text(double[] p) {
    return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, p999 %.1f ms", p[0], p[1], p[2]);
  }

  static Map<String, Object> numbers(Result r) {
    Map<String, Object> numbers = latencies(r, r.sse(), r.sseSamples(), r.raw(), r.rawSamples());
    numbers.put("errors", r.errors());
    return numbers;
  }

  static Map<String, Object> kafkaNumbers(Result r) {
    return latencies(r, r.kafka(), r.kafkaSamples(), r.kafkaRaw(), r.kafkaRawSamples());
  }

  /** A latency row's numbers: p50/p99/p999 and their count, beside the baseline's. */
  private static Map<String, Object> latencies(
      Result r, double[] measured, Object samples, double[] baseline, Object baselineSamples) {
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("p50Ms", measured[0]);
    numbers.put("p99Ms", measured[1]);
    numbers.put("p999Ms", measured[2]);
    numbers.put("samples", samples);
    numbers.put("posted", r.posted());
    numbers.put("postedPerSecond", r.postedPerSecond());
    numbers.put("baselineP50Ms", baseline[0]);
    numbers.put("baselineP99Ms", baseline[1]);
    numbers.put("baselineP999Ms", baseline[2]);
    numbers.put("baselineSamples", baselineSamples);
    return numbers;
  }
}
