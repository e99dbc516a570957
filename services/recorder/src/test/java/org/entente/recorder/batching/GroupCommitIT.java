package org.entente.recorder.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.postJson;
import static org.entente.recorder.web.Api.unique;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.entente.api.actor.AssignRole;
import org.entente.api.actor.RegisterActor;
import org.entente.recorder.idempotency.IdempotencyRequest;
import org.entente.recorder.web.Api;
import org.entente.recorder.web.Caller;
import org.entente.recorder.web.CommandCatalog;
import org.entente.recorder.web.CommandMapper;
import org.entente.recorder.web.CommandSpec;
import org.entente.recorder.web.Headers;
import org.entente.recorder.web.RecorderHttpTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Commands carried out together: each answered on its own, exactly the accepted ones stored. */
@RecorderHttpTest
class GroupCommitIT {

  static final int CLIENTS = 48;

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired CommandBatch batch;
  @Autowired CommandMapper mapper;
  Api api;
  ExecutorService clients;

  @BeforeEach
  void setUp() {
    api = new Api(mvc, jdbc, json);
    clients = Executors.newFixedThreadPool(CLIENTS);
  }

  @AfterEach
  void tearDown() {
    clients.shutdownNow();
  }

  @Test
  void aBatch_appendsTheAcceptedCommandsInOneTransaction_andAnswersEachOnItsOwn() throws Exception {
    String taken = api.registerActor(unique("taken"), "PERSON", "Taken");
    String state = api.registerActor(unique("state"), "STATE", "State");
    String run = unique("batch");
    CommandSpec register = CommandCatalog.of(RegisterActor.class);
    CommandSpec assign = CommandCatalog.of(AssignRole.class);
    Caller caller = new Caller("batch-test", unique("corr"));
    IdempotencyRequest key = new IdempotencyRequest(run + "-key", "fingerprint", "key");
    List<BatchItem> items =
        List.of(
            item(register, actor(run + "-a", "STATE"), caller, key),
            item(register, actor(taken, "STATE"), caller, null),
            item(register, actor(run + "-b", "PERSON"), caller, null),
            item(assign, role(taken, state), caller, null),
            item(assign, role(run + "-b", state), caller, null),
            item(assign, role(run + "-nobody", state), caller, null));

    List<BatchOutcome> outcomes = batch.run(items);

    assertThat(outcomes.get(0)).isInstanceOf(BatchOutcome.Done.class);
    assertThat(outcomes.get(1)).isInstanceOf(BatchOutcome.Refused.class);
    assertThat(outcomes.get(2)).isInstanceOf(BatchOutcome.Done.class);
    assertThat(outcomes.get(3)).isInstanceOf(BatchOutcome.Done.class);
    assertThat(((BatchOutcome.Done) outcomes.get(3)).outcome().answer().headers())
        .containsEntry("ETag", "\"1\"");
    assertThat(((BatchOutcome.Done) outcomes.get(4)).outcome().answer().headers())
        .as("a role for the actor registered earlier in the batch")
        .containsEntry("ETag", "\"1\"");
    assertThat(outcomes.get(5))
        .as("an unknown reference is decided by a batch of its own")
        .isInstanceOf(BatchOutcome.NotRun.class);
    assertThat(batch.run(List.of(items.get(5))).get(0)).isInstanceOf(BatchOutcome.Refused.class);
    assertThat(
            jdbc.queryForObject(
                "select count(distinct tx_id) from domain_event_entry"
                    + " where aggregate_identifier = any(?) and sequence_number = ?",
                Long.class,
                new String[] {run + "-a", run + "-b"},
                0L))
        .isEqualTo(1L);
    assertThat(api.events(run + "-a")).isEqualTo(1);
    assertThat(api.events(run + "-nobody")).isZero();
    assertThat(api.events(taken)).isEqualTo(2);
    assertThat(api.events(run + "-b")).isEqualTo(2);

    List<BatchOutcome> again = batch.run(List.of(items.get(0)));
    assertThat(((BatchOutcome.Done) again.get(0)).outcome().replayed()).isTrue();
    assertThat(api.events(run + "-a")).isEqualTo(1);
  }

  @Test
  void manyConcurrentClients_mixedValidInvalidAndDuplicate_eachGetTheirAnswer() throws Exception {
    String run = unique("crowd");
    String host = api.registerActor(run + "-host", "PERSON", "Host");
    String state = api.registerActor(run + "-state", "STATE", "State");
    String replayedBody = "{\"actorId\":\"" + run + "-first\",\"kind\":\"STATE\",\"name\":\"F\"}";
    MvcResult first =
        api.perform(
            postJson("/api/actors", replayedBody).header(Headers.IDEMPOTENCY_KEY, run + "-first"));
    assertThat(first.getResponse().getStatus()).isEqualTo(201);

    CountDownLatch start = new CountDownLatch(1);
    List<Future<MvcResult>> futures = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      MockHttpServletRequestBuilder request =
          switch (i % 4) {
            case 0 ->
                postJson(
                        "/api/actors",
                        "{\"actorId\":\"" + run + "-" + i + "\",\"kind\":\"STATE\",\"name\":\"S\"}")
                    .header(Headers.IDEMPOTENCY_KEY, run + "-key-" + i);
            case 1 ->
                postJson("/api/actors", replayedBody)
                    .header(Headers.IDEMPOTENCY_KEY, run + "-first");
            case 2 ->
                postJson(
                    "/api/actors/" + run + "-nobody-" + i + "/roles",
                    "{\"title\":\"x\",\"atActorId\":\"" + state + "\",\"from\":\"2025-01-01\"}");
            default ->
                postJson(
                    "/api/actors/" + host + "/roles",
                    "{\"title\":\"Role "
                        + i
                        + "\",\"atActorId\":\""
                        + state
                        + "\",\"from\":\"2025-01-01\"}");
          };
      futures.add(
          clients.submit(
              () -> {
                start.await();
                return mvc.perform(request).andReturn();
              }));
    }
    start.countDown();
    List<MvcResult> results = new ArrayList<>();
    for (Future<MvcResult> future : futures) {
      results.add(future.get(120, TimeUnit.SECONDS));
    }

    List<Long> hostVersions = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      MvcResult result = results.get(i);
      int status = result.getResponse().getStatus();
      switch (i % 4) {
        case 0 -> {
          assertThat(status).as("new actor %d", i).isEqualTo(201);
          assertThat(api.events(run + "-" + i)).isEqualTo(1);
        }
        case 1 -> {
          // a replay, or refused at once while another request holds the key (as without batching)
          assertThat(status).as("re-sent request %d", i).isIn(201, 409);
          if (status == 201) {
            assertThat(result.getResponse().getHeader(Headers.IDEMPOTENT_REPLAYED))
                .isEqualTo("true");
            assertThat(api.body(result).get("id").asText()).isEqualTo(run + "-first");
          }
        }
        case 2 -> {
          assertThat(status).as("unknown actor %d", i).isEqualTo(404);
          assertThat(api.events(run + "-nobody-" + i)).isZero();
        }
        default -> {
          assertThat(status).as("role at the host %d", i).isEqualTo(200);
          hostVersions.add(api.body(result).get("version").asLong());
        }
      }
    }
    assertThat(api.events(run + "-first")).isEqualTo(1);
    assertThat(api.events(host)).isEqualTo(1 + CLIENTS / 4);
    assertThat(hostVersions).doesNotHaveDuplicates().allMatch(v -> v >= 1 && v <= CLIENTS / 4);
  }

  private static String actor(String id, String kind) {
    return "{\"actorId\":\"" + id + "\",\"kind\":\"" + kind + "\",\"name\":\"N\"}";
  }

  private static String role(String person, String at) {
    return "{\"actorId\":\""
        + person
        + "\",\"title\":\"Envoy\",\"atActorId\":\""
        + at
        + "\",\"from\":\"2025-01-01\"}";
  }

  private BatchItem item(CommandSpec spec, String body, Caller caller, IdempotencyRequest key) {
    return new BatchItem(spec, mapper.toCommand(spec, mapper.parse(body), null, null), caller, key);
  }
}
