package org.entente.recorder.web;

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
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@RecorderHttpTest
class ConcurrentWritesIT {

  /**
   * A client loses a race only to another client's committed append, so with no more clients than
   * the runner's attempts every one of them gets through.
   */
  static final int CLIENTS = 4;

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
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
  void concurrentCreatesOfOneId_storeOneAggregate_andRefuseTheRestWith409() throws Exception {
    String id = unique("race");

    List<MvcResult> results =
        all(
            i ->
                postJson(
                    "/api/actors",
                    "{\"actorId\":\"" + id + "\",\"kind\":\"STATE\",\"name\":\"S" + i + "\"}"));

    assertThat(results).extracting(r -> r.getResponse().getStatus()).containsOnly(201, 409);
    assertThat(results).filteredOn(r -> r.getResponse().getStatus() == 201).hasSize(1);
    assertThat(api.events(id)).isEqualTo(1);
  }

  @Test
  void concurrentFollowUpsOnOneAggregate_allSucceed_withDistinctVersions() throws Exception {
    String hegseth = api.registerActor(unique("hegseth"), "PERSON", "Pete Hegseth");
    String usa = api.registerActor(unique("usa"), "STATE", "United States");

    List<MvcResult> results =
        all(
            i ->
                postJson(
                    "/api/actors/" + hegseth + "/roles",
                    "{\"title\":\"Role "
                        + i
                        + "\",\"atActorId\":\""
                        + usa
                        + "\",\"from\":\"2025-01-25\"}"));

    assertThat(results).extracting(r -> r.getResponse().getStatus()).containsOnly(200);
    List<Long> versions = new ArrayList<>();
    for (MvcResult result : results) {
      versions.add(api.body(result).get("version").asLong());
    }
    assertThat(versions).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    assertThat(api.events(hegseth)).isEqualTo(1 + CLIENTS);
  }

  @Test
  void concurrentAmendmentsPinnedToOneVersion_oneWins_theOthersAre409() throws Exception {
    String id = unique("pinned");
    api.recordScheduledEvent(id);

    List<MvcResult> results =
        all(
            i ->
                postJson(
                        "/api/events/" + id + "/amendments",
                        "{\"location\":\"City " + i + "\",\"reason\":\"moved\"}")
                    .header("If-Match", "\"0\""));

    assertThat(results)
        .extracting(r -> r.getResponse().getStatus())
        .containsOnlyOnce(200)
        .containsOnly(200, 409);
    assertThat(api.events(id)).isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "select version from aggregate_reference where aggregate_id = ?", Long.class, id))
        .isEqualTo(1L);
  }

  private List<MvcResult> all(IntFunction<MockHttpServletRequestBuilder> request) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<MvcResult>> futures = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      MockHttpServletRequestBuilder builder = request.apply(i);
      futures.add(
          clients.submit(
              () -> {
                start.await();
                return mvc.perform(builder).andReturn();
              }));
    }
    start.countDown();
    List<MvcResult> results = new ArrayList<>();
    for (Future<MvcResult> future : futures) {
      results.add(future.get(60, TimeUnit.SECONDS));
    }
    return results;
  }
}
