package org.entente.timeline.cohesion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.entente.api.common.Citation;
import org.entente.timeline.cohesion.CohesionViews.Contributor;
import org.entente.timeline.cohesion.CohesionViews.Contributors;
import org.entente.timeline.cohesion.CohesionViews.Evidence;
import org.entente.timeline.cohesion.CohesionViews.GroupRef;
import org.entente.timeline.cohesion.CohesionViews.Interval;
import org.entente.timeline.cohesion.CohesionViews.ParametersView;
import org.entente.timeline.cohesion.CohesionViews.Plain;
import org.entente.timeline.cohesion.CohesionViews.Point;
import org.entente.timeline.cohesion.CohesionViews.Series;
import org.entente.timeline.cohesion.CohesionViews.SourceRef;
import org.entente.timeline.cohesion.arithmetic.BootstrapInterval;
import org.entente.timeline.cohesion.arithmetic.Buckets;
import org.entente.timeline.cohesion.arithmetic.Channel;
import org.entente.timeline.cohesion.arithmetic.CohesionCalculator;
import org.entente.timeline.cohesion.arithmetic.CohesionHistory;
import org.entente.timeline.cohesion.arithmetic.CohesionPoint;
import org.entente.timeline.cohesion.arithmetic.Contribution;
import org.entente.timeline.cohesion.arithmetic.DayState;
import org.entente.timeline.cohesion.arithmetic.Explanation;
import org.entente.timeline.cohesion.arithmetic.FactKind;
import org.entente.timeline.cohesion.arithmetic.FactSummary;
import org.entente.timeline.cohesion.arithmetic.Interaction;
import org.entente.timeline.cohesion.arithmetic.InteractionResolver;
import org.entente.timeline.cohesion.arithmetic.PlainMeasures;
import org.entente.timeline.cohesion.arithmetic.Resolution;
import org.entente.timeline.facts.FactRecords;
import org.entente.timeline.facts.FactSnapshot;
import org.entente.timeline.facts.LiveFacts;
import org.entente.timeline.web.BadQueryParameterException;
import org.springframework.stereotype.Service;

/**
 * Computes cohesion series and their contributors from the fact store (through its reader API, in
 * one snapshot of the live slot), as known at {@code asOf}, with the request's parameters, from the
 * facts of the group's reach only. Reads only: what-if parameters never touch the store.
 */
@Service
class CohesionService {

  static final int MAX_POINTS = 5000;

  /** Bootstrap bands cost points × (interactions + records × samples); beyond this, narrow. */
  static final long INTERVAL_BUDGET = 300_000_000L;

  private final LiveFacts facts;
  private final GroupComputations computations;
  private final Clock clock = Clock.systemUTC();

  CohesionService(LiveFacts facts, GroupComputations computations) {
    this.facts = facts;
    this.computations = computations;
  }

  public Series series(String groupId, CohesionRequest request) {
    Series series = series(groupId, request, request.resolution());
    if (request.to() != null
        && !request.resolutionGiven()
        && !series.resolution().equals(name(request.resolution()))) {
      // a coarser resolution was chosen: its last bucket ends later than the day of `to`
      series = series(groupId, request, Buckets.parse(series.resolution()));
    }
    return series;
  }

  private static String name(Buckets resolution) {
    return resolution.name().toLowerCase(java.util.Locale.ROOT);
  }

  private Series series(String groupId, CohesionRequest request, Buckets resolution) {
    Instant before = request.to() == null ? null : resolution.bucketOf(request.to()).at();
    if (storable(request)) {
      Series stored = facts.read(null, f -> storedSeries(f, groupId, request, before, false));
      if (stored != null) {
        return stored;
      }
    }
    return computations.run(
        groupId, () -> facts.read(request.asOf(), f -> series(f, groupId, request, before)));
  }

  /**
   * The series of several requests on one group with today's knowledge ({@code asOf} absent), all
   * read in one snapshot of the live slot: one transaction and one position lookup for them all (a
   * publisher of many days of a group), each answered as {@link #series(String, CohesionRequest)}
   * answers it.
   */
  List<Series> seriesNow(String groupId, List<CohesionRequest> requests) {
    return facts.read(
        null,
        f ->
            requests.stream()
                .map(request -> storedOrComputed(f, groupId, request, false))
                .toList());
  }

  /**
   * As {@link #seriesNow}, from the group's last stored cohesion even if a batch has marked the
   * group since (the caller has checked that it covers what it publishes: the Kafka cohesion
   * points' publisher reads a group's stored summary first), so a group recorded into continuously
   * is never recomputed from its facts here. Computed from the facts only where the stored rows
   * cannot answer: a group with nothing stored, or a series bounded before the last record of a
   * group with several scale versions.
   */
  List<Series> lastStored(String groupId, List<CohesionRequest> requests) {
    LocalDate first =
        requests.stream().map(CohesionRequest::from).min(Comparator.naturalOrder()).orElse(null);
    LocalDate last =
        requests.stream().map(CohesionRequest::to).max(Comparator.naturalOrder()).orElse(null);
    boolean bounded =
        requests.stream().allMatch(r -> r.from() != null && r.to() != null) && first != null;
    return facts.read(
        null,
        snapshot -> {
          // the days' rows read once for them all (their member days lie within from..to)
          FactSnapshot f =
              bounded ? new DaysOfStoredCohesion(snapshot, groupId, first, last) : snapshot;
          return requests.stream()
              .map(request -> storedOrComputed(f, groupId, request, true))
              .toList();
        });
  }

  /**
   * One request from the stored states where they can answer it ({@code evenIfMarked}: also for a
   * group marked for refresh since), else computed from the snapshot's facts.
   */
  private Series storedOrComputed(
      FactSnapshot f, String groupId, CohesionRequest request, boolean evenIfMarked) {
    Instant before = request.to() == null ? null : request.resolution().bucketOf(request.to()).at();
    Series stored =
        storable(request) ? storedSeries(f, groupId, request, before, evenIfMarked) : null;
    return stored != null ? stored : series(f, groupId, request, before);
  }

  /**
   * Whether the stored states can answer: default parameters, today's knowledge, no pairs, no band
   * and no plain measures (those need the records).
   */
  static boolean storable(CohesionRequest request) {
    return !request.whatIf()
        && request.parameters().isDefault()
        && request.asOf() == null
        && !request.pairs()
        && !request.interval()
        && !request.plain();
  }

  /**
   * The series read from the stored states (a few rows per point, never the group's facts), or null
   * when the group has none stored yet (projected before they existed) or the stored scale versions
   * cannot say which of them a bounded series used.
   */
  private Series storedSeries(
      FactSnapshot facts,
      String groupId,
      CohesionRequest request,
      Instant before,
      boolean evenIfMarked) {
    GroupRef group = group(facts, groupId);
    FactRecords.CohesionSummary summary =
        (evenIfMarked ? facts.lastStoredCohesionSummary(groupId) : facts.cohesionSummary(groupId))
            .orElse(null);
    if (summary == null || (before != null && summary.scaleVersions().size() > 1)) {
      return null;
    }
    int interactions = summary.interactions();
    int duplicates = summary.duplicates();
    int otherScale = summary.otherScale();
    if (before != null) {
      LocalDate lastDay = CohesionCalculator.memberDay(before);
      List<FactRecords.CohesionState> evidence =
          facts.cohesionStates(groupId, StoredCohesion.EVIDENCE, lastDay, lastDay);
      FactRecords.CohesionState counted = evidence.isEmpty() ? null : evidence.get(0);
      interactions = counted == null ? 0 : counted.observed();
      duplicates = counted == null ? 0 : counted.negative();
      otherScale = counted == null ? 0 : counted.memberPairs();
    }
    boolean none = interactions == 0;
    SeriesWindow window =
        SeriesWindow.of(
            request,
            none ? null : day(summary.firstTime()),
            none ? null : day(summary.lastTime()),
            LocalDate.now(clock),
            MAX_POINTS);
    List<Buckets.Bucket> buckets = window.buckets();
    List<Instant> times = buckets.stream().map(Buckets.Bucket::at).toList();
    if (times.isEmpty()) {
      return null;
    }
    CohesionCalculator calculator = new CohesionCalculator(request.parameters());
    LocalDate first = CohesionCalculator.memberDay(times.get(0));
    LocalDate last = CohesionCalculator.memberDay(times.get(times.size() - 1));
    List<CohesionPoint> pairs =
        calculator.fromStates(
            states(facts.cohesionStates(groupId, Channel.PAIR.name(), first, last)), times);
    List<CohesionPoint> institution =
        calculator.fromStates(
            states(facts.cohesionStates(groupId, Channel.INSTITUTION.name(), first, last)), times);
    List<String> versions = none ? List.of() : summary.scaleVersions();
    String scaleVersion = request.parameters().scale().defaultVersion();
    if (scaleVersion == null && versions.size() == 1) {
      scaleVersion = versions.get(0);
    }
    return new Series(
        group,
        CohesionViews.INDICATOR,
        request.parameters().scale().id(),
        scaleVersion,
        versions,
        request.whatIf(),
        request.asOf(),
        ParametersView.of(request.parameters()),
        window.resolution().name().toLowerCase(java.util.Locale.ROOT),
        new Evidence(interactions, duplicates, otherScale),
        points(buckets, pairs),
        points(buckets, institution),
        window.view());
  }

  private static List<DayState> states(List<FactRecords.CohesionState> rows) {
    return rows.stream()
        .map(
            r ->
                new DayState(
                    r.day(),
                    r.sumS(),
                    r.sumA(),
                    r.sumW(),
                    r.observed(),
                    r.negative(),
                    r.memberPairs()))
        .toList();
  }

  private Series series(
      FactSnapshot facts, String groupId, CohesionRequest request, Instant before) {
    GroupRef group = group(facts, groupId);
    Resolution resolution = resolve(facts, groupId, request, before);
    List<Interaction> all = resolution.interactions();
    SeriesWindow window =
        SeriesWindow.of(
            request,
            all.isEmpty() ? null : day(all.get(0).time()),
            all.isEmpty() ? null : day(all.get(all.size() - 1).time()),
            LocalDate.now(clock),
            MAX_POINTS);
    List<Buckets.Bucket> buckets = window.buckets();
    List<Instant> times = buckets.stream().map(Buckets.Bucket::at).toList();
    CohesionCalculator calculator = new CohesionCalculator(request.parameters());
    List<CohesionPoint> pairs =
        calculator.series(all, resolution.schedule(), Channel.PAIR, times, request.pairs());
    List<CohesionPoint> institution =
        calculator.series(all, resolution.schedule(), Channel.INSTITUTION, times, request.pairs());
    List<Point> points = points(buckets, pairs);
    if (request.interval() || request.plain()) {
      points = withBandsAndPlainMeasures(points, buckets, calculator, resolution, request);
    }
    return new Series(
        group,
        CohesionViews.INDICATOR,
        request.parameters().scale().id(),
        scaleVersion(request, resolution),
        List.copyOf(resolution.scaleVersions()),
        request.whatIf(),
        request.asOf(),
        ParametersView.of(request.parameters()),
        window.resolution().name().toLowerCase(java.util.Locale.ROOT),
        new Evidence(all.size(), resolution.duplicates().size(), resolution.otherScale()),
        points,
        points(buckets, institution),
        window.view());
  }

  /**
   * Adds to each pair-series point its bootstrap band (interval=true) and the plain measures of its
   * bucket (plain=true).
   */
  private static List<Point> withBandsAndPlainMeasures(
      List<Point> points,
      List<Buckets.Bucket> buckets,
      CohesionCalculator calculator,
      Resolution resolution,
      CohesionRequest request) {
    List<Interaction> all = resolution.interactions();
    if (request.interval()) {
      long records = resolution.facts().size();
      long cost = (long) points.size() * (all.size() + records * BootstrapInterval.SAMPLES);
      if (cost > INTERVAL_BUDGET) {
        throw new BadQueryParameterException(
            "interval",
            "a band for "
                + points.size()
                + " points over "
                + all.size()
                + " interactions is too costly; narrow the window or use a coarser resolution");
      }
    }
    // a plain count does not merge reciprocal records: each record between members counts once
    List<Interaction> everyRecord = new ArrayList<>(all);
    resolution.duplicates().forEach(d -> everyRecord.add(d.left()));
    List<Point> out = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      Buckets.Bucket bucket = buckets.get(i);
      Interval interval = null;
      if (request.interval()) {
        Explanation e = calculator.explain(all, resolution.schedule(), Channel.PAIR, bucket.at());
        BootstrapInterval.Band band = BootstrapInterval.of(e);
        interval =
            new Interval(
                band.low(),
                band.high(),
                BootstrapInterval.LEVEL,
                BootstrapInterval.SAMPLES,
                BootstrapInterval.METHOD);
      }
      Plain plain = null;
      if (request.plain()) {
        Instant start = bucket.time().atStartOfDay().toInstant(ZoneOffset.UTC);
        PlainMeasures m = PlainMeasures.of(everyRecord, start, bucket.at());
        plain =
            new Plain(
                m.records(),
                m.meanWeight(),
                m.verbalCooperation(),
                m.materialCooperation(),
                m.verbalConflict(),
                m.materialConflict(),
                m.unclassified(),
                m.cooperativeShare(),
                m.conflictualShare());
      }
      out.add(
          new Point(
              p.time(),
              p.at(),
              p.value(),
              p.coverage(),
              p.intensity(),
              p.polarisation(),
              p.observedPairs(),
              p.memberPairs(),
              p.pairs(),
              interval,
              plain));
    }
    return out;
  }

  public Contributors contributors(String groupId, String time, CohesionRequest request) {
    Instant at;
    String label;
    try {
      if (time.contains("T")) {
        at = Instant.parse(time);
        label = at.toString();
      } else {
        Buckets.Bucket bucket = request.resolution().bucketOf(LocalDate.parse(time));
        at = bucket.at();
        label = bucket.time().toString();
      }
    } catch (java.time.DateTimeException e) {
      throw new BadQueryParameterException(
          "time", "'" + time + "' is not a date (YYYY-MM-DD) or an instant");
    }
    org.entente.timeline.web.QueryParameters.inRange("time", at);
    return computations.run(
        groupId,
        () -> facts.read(request.asOf(), f -> contributors(f, groupId, label, at, request)));
  }

  private Contributors contributors(
      FactSnapshot facts, String groupId, String label, Instant at, CohesionRequest request) {
    GroupRef group = group(facts, groupId);
    Resolution resolution = resolve(facts, groupId, request, at);
    CohesionCalculator calculator = new CohesionCalculator(request.parameters());
    Explanation pairs =
        calculator.explain(resolution.interactions(), resolution.schedule(), Channel.PAIR, at);
    Explanation institution =
        calculator.explain(
            resolution.interactions(), resolution.schedule(), Channel.INSTITUTION, at);
    Listed pairsListed = contributors(pairs, resolution, request.limit(), request.minShare());
    Listed institutionListed =
        contributors(institution, resolution, request.limit(), request.minShare());
    return new Contributors(
        group,
        CohesionViews.INDICATOR,
        request.parameters().scale().id(),
        scaleVersion(request, resolution),
        request.whatIf(),
        request.asOf(),
        ParametersView.of(request.parameters()),
        label,
        at,
        pairs.value(),
        pairs.coverage(),
        pairs.intensity(),
        pairs.polarisation(),
        pairs.observed(),
        pairs.memberPairs(),
        pairs.denominator(),
        pairsListed.listed(),
        pairsListed.omitted(),
        pairsListed.omittedContribution(),
        institution.value(),
        institutionListed.listed(),
        institutionListed.omitted(),
        institutionListed.omittedContribution(),
        request.minShare());
  }

  private static GroupRef group(FactSnapshot facts, String groupId) {
    FactRecords.Actor actor =
        facts.actor(groupId).orElseThrow(() -> new UnknownGroupException(groupId));
    if (!actor.kind().hasMembers()) {
      throw new UnknownGroupException(groupId, "a " + actor.kind() + " has no members");
    }
    return new GroupRef(actor.actorId(), actor.name());
  }

  private static Resolution resolve(
      FactSnapshot facts, String groupId, CohesionRequest request, Instant before) {
    CohesionHistory history =
        GroupFacts.load(
            facts, groupId, request.parameters().members(), before, request.parameters().scale());
    return new InteractionResolver(history).resolve(groupId, request.parameters());
  }

  private static String scaleVersion(CohesionRequest request, Resolution resolution) {
    String version = request.parameters().scale().defaultVersion();
    if (version == null && resolution.scaleVersions().size() == 1) {
      return resolution.scaleVersions().iterator().next();
    }
    return version;
  }

  private static List<Point> points(List<Buckets.Bucket> buckets, List<CohesionPoint> points) {
    List<Point> views = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      CohesionPoint p = points.get(i);
      views.add(
          new Point(
              buckets.get(i).time(),
              p.at(),
              p.value(),
              p.coverage(),
              p.intensity(),
              p.polarisation(),
              p.observed(),
              p.memberPairs(),
              p.pairs()));
    }
    return views;
  }

  /** A contributor list: the records listed, and how many were left out below the floor. */
  private record Listed(List<Contributor> listed, int omitted, double omittedContribution) {}

  /**
   * Sums the contributions per record, leaves out those smaller in size than {@code minShare} of
   * the gross value Σ |contribution| (counting them), and keeps the {@code limit} largest in size.
   * An interaction kept for a set of reciprocal records (one occasion recorded both ways) credits
   * each of them an equal part, so no record wins the credit by its id.
   */
  private static Listed contributors(
      Explanation explanation, Resolution resolution, int limit, double minShare) {
    Map<Interaction, List<Interaction>> absorbed = new java.util.HashMap<>();
    for (Resolution.Duplicate d : resolution.duplicates()) {
      absorbed.computeIfAbsent(d.kept(), k -> new ArrayList<>()).add(d.left());
    }
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, Map<String, Double>> weights = new TreeMap<>();
    Map<String, TreeSet<String>> mergedWith = new TreeMap<>();
    for (Contribution c : explanation.contributions()) {
      List<Interaction> sharing = new ArrayList<>();
      sharing.add(c.interaction());
      sharing.addAll(absorbed.getOrDefault(c.interaction(), List.of()));
      double part = c.contribution() / sharing.size();
      for (Interaction x : sharing) {
        String key = x.factKey();
        double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
        sum[0] += part;
        sum[1]++;
        weights.computeIfAbsent(key, k -> new TreeMap<>()).put(x.code(), x.weight());
        if (sharing.size() > 1) {
          TreeSet<String> others = mergedWith.computeIfAbsent(key, k -> new TreeSet<>());
          sharing.stream()
              .map(Interaction::factKey)
              .filter(other -> !other.equals(key))
              .forEach(others::add);
        }
      }
    }
    Map<String, TreeSet<String>> duplicates = new TreeMap<>();
    for (Resolution.Duplicate d : resolution.duplicates()) {
      duplicates.computeIfAbsent(d.kept().factKey(), k -> new TreeSet<>()).add(d.left().factKey());
    }
    double gross = sums.values().stream().mapToDouble(v -> Math.abs(v[0])).sum();
    double floor = minShare * gross;
    int omitted = 0;
    double omittedContribution = 0;
    List<Map.Entry<String, double[]>> kept = new ArrayList<>();
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      if (Math.abs(e.getValue()[0]) < floor) {
        omitted++;
        omittedContribution += e.getValue()[0];
      } else {
        kept.add(e);
      }
    }
    List<Contributor> listed =
        kept.stream()
            .sorted(
                Comparator.comparingDouble(
                        (Map.Entry<String, double[]> e) -> -Math.abs(e.getValue()[0]))
                    .thenComparing(Map.Entry::getKey))
            .limit(limit)
            .map(
                e -> {
                  FactSummary f = resolution.facts().get(e.getKey());
                  boolean statement = f.kind() == FactKind.STATEMENT;
                  TreeSet<String> others = mergedWith.get(e.getKey());
                  return new Contributor(
                      f.kind().name(),
                      statement ? f.factId() : null,
                      f.eventId(),
                      f.label(),
                      f.time(),
                      f.speakerId(),
                      f.targetIds(),
                      e.getValue()[0],
                      (int) e.getValue()[1],
                      weights.get(e.getKey()),
                      f.grade(),
                      f.reliability(),
                      f.sources().stream().map(CohesionService::source).toList(),
                      List.copyOf(duplicates.getOrDefault(e.getKey(), new TreeSet<>())),
                      others != null,
                      others == null ? List.of() : List.copyOf(others));
                })
            .toList();
    return new Listed(listed, omitted, omittedContribution);
  }

  private static SourceRef source(Citation c) {
    return new SourceRef(
        c.sourceId(),
        c.grade(),
        c.excerpt() == null ? null : c.excerpt().start(),
        c.excerpt() == null ? null : c.excerpt().end());
  }

  private static LocalDate day(Instant t) {
    return t.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
