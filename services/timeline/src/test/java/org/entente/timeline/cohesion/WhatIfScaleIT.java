package org.entente.timeline.cohesion;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.actor.MembershipRecorded;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.TimePrecision;
import org.entente.api.common.Weight;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementRecorded;
import org.entente.testkit.TestPostgres;
import org.entente.timeline.cohesion.arithmetic.Buckets;
import org.entente.timeline.cohesion.arithmetic.Channel;
import org.entente.timeline.cohesion.arithmetic.CohesionCalculator;
import org.entente.timeline.cohesion.arithmetic.CohesionParameters;
import org.entente.timeline.cohesion.arithmetic.InteractionResolver;
import org.entente.timeline.cohesion.arithmetic.Resolution;
import org.entente.timeline.facts.FactReader;
import org.entente.timeline.facts.FactSnapshot;
import org.entente.timeline.timeline.BufferedRows;
import org.entente.timeline.timeline.RecordedEvent;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.SlotWriter;
import org.entente.timeline.timeline.Snapshot;
import org.entente.timeline.timeline.TimelineDocuments;
import org.entente.timeline.timeline.TimelineProjector;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Measures the what-if path (recomputed from one group's facts) on a generated group with {@code
 * -Dcohesion.whatif.interactions=100000} statements between its 20 members, one interaction each:
 * load, resolve and a year's daily series of both channels, printed (a figure for the report, no
 * timing assertion; skipped unless the property is given).
 */
@EnabledIfSystemProperty(named = "cohesion.whatif.interactions", matches = "\\d+")
class WhatIfScaleIT {

  private static final int MEMBERS = 20;
  private static final LocalDate DAY0 = LocalDate.parse("2020-01-01");

  @Test
  void whatIf_onALargeGroup_isMeasured() {
    int n = Integer.parseInt(System.getProperty("cohesion.whatif.interactions"));
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(TestPostgres.freshEmbeddedDatabase(), TestPostgres.USER, "");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .outOfOrder(true)
        .load()
        .migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    ObjectMapper json = new TimelineDocuments().mapper();
    SlotWriter slot = new SlotWriter(jdbc, json, Slot.A);
    TimelineProjector projector = new TimelineProjector();
    Instant recorded = Instant.parse("2026-01-01T00:00:00Z");
    List<Object> events = new ArrayList<>();
    events.add(new ActorRegistered("big", ActorKind.ALLIANCE, "Big", List.of(), Map.of()));
    for (int m = 0; m < MEMBERS; m++) {
      events.add(new ActorRegistered("s" + m, ActorKind.STATE, "S" + m, List.of(), Map.of()));
      events.add(new MembershipRecorded("s" + m, "big", DAY0, null));
    }
    AttributionGrade[] grades = AttributionGrade.values();
    for (int i = 0; i < n; i++) {
      int a = i % MEMBERS;
      int b = (a + 1 + (i / MEMBERS) % (MEMBERS - 1)) % MEMBERS;
      Instant at = DAY0.plusDays(i % 1500).atStartOfDay().toInstant(ZoneOffset.UTC);
      events.add(
          new StatementRecorded(
              "st" + i,
              "s" + a,
              null,
              List.of("s" + b),
              new EventTime(at, TimePrecision.DAY),
              Stance.NEUTRAL,
              "111",
              Weight.goldstein(((i * 37) % 200 - 100) / 10.0),
              null,
              List.of(),
              null,
              List.of(),
              List.of(new Citation("src", null, grades[i % grades.length]))));
    }
    long loadStart = System.nanoTime();
    BufferedRows batch = slot.buffered();
    for (int i = 0; i < events.size(); i++) {
      projector.apply(new RecordedEvent("m" + i, i + 1, recorded, events.get(i)), batch);
      if ((i + 1) % 5000 == 0) {
        batch.flush();
      }
    }
    batch.flush();
    System.out.printf(
        "what-if scale: %d events projected in %.1f s%n",
        events.size(), (System.nanoTime() - loadStart) / 1e9);
    FactReader reader = new FactReader(new NamedParameterJdbcTemplate(jdbc), json);
    CohesionParameters whatIf =
        CohesionParameters.defaults()
            .withHalfLifeDays(7)
            .withReliability(AttributionGrade.ANONYMOUS_DESCRIBED, 1.0);
    List<Instant> year =
        Buckets.DAY.between(DAY0.plusDays(1000), DAY0.plusDays(1364), 5000).stream()
            .map(Buckets.Bucket::at)
            .toList();
    for (int run = 1; run <= 3; run++) {
      long start = System.nanoTime();
      FactSnapshot facts = reader.at(Slot.A, new Snapshot(Long.MAX_VALUE, null));
      var history = GroupFacts.load(facts, "big", null, null, whatIf.scale());
      long loaded = System.nanoTime();
      Resolution r = new InteractionResolver(history).resolve("big", whatIf);
      CohesionCalculator calculator = new CohesionCalculator(whatIf);
      var pairs = calculator.series(r.interactions(), r.schedule(), Channel.PAIR, year, false);
      calculator.series(r.interactions(), r.schedule(), Channel.INSTITUTION, year, false);
      long done = System.nanoTime();
      System.out.printf(
          "what-if scale run %d: %d interactions, load %.0f ms, resolve+series %.0f ms, total %.0f"
              + " ms (last value %.6f)%n",
          run,
          r.interactions().size(),
          (loaded - start) / 1e6,
          (done - loaded) / 1e6,
          (done - start) / 1e6,
          pairs.get(pairs.size() - 1).value());
    }
  }
}
