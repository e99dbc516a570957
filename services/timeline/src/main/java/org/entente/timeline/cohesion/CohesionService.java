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
import org.entente.timeline.cohesion.CohesionViews.ParametersView;
import org.entente.timeline.cohesion.CohesionViews.Point;
import org.entente.timeline.cohesion.CohesionViews.Series;
import org.entente.timeline.cohesion.CohesionViews.SourceRef;
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

  /** Without from/to, a series runs from a week before the first interaction... */
  private static final int LEAD_DAYS = 7;

  /** ...to one default half-life after the last one. */
  private static final int TAIL_DAYS = 30;

  private final LiveFacts facts;
  private final Clock clock = Clock.systemUTC();

  CohesionService(LiveFacts facts) {
    this.facts = facts;
  }

  public Series series(String groupId, CohesionRequest request) {
    Instant before = request.to() == null ? null : request.resolution().bucketOf(request.to()).at();
    if (storable(request)) {
      Series stored = facts.read(null, f -> storedSeries(f, groupId, request, before));
      if (stored != null) {
        return stored;
      }
    }
    return facts.read(request.asOf(), f -> series(f, groupId, request, before));
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
                .map(
                    request -> {
                      Instant before =
                          request.to() == null
                              ? null
                              : request.resolution().bucketOf(request.to()).at();
                      Series stored =
                          storable(request) ? storedSeries(f, groupId, request, before) : null;
                      return stored != null ? stored : series(f, groupId, request, before);
                    })
                .toList());
  }

  /** Whether the stored states can answer: default parameters, today's knowledge, no pairs. */
  static boolean storable(CohesionRequest request) {
    return !request.whatIf()
        && request.parameters().isDefault()
        && request.asOf() == null
        && !request.pairs();
  }

  /**
   * The series read from the stored states (a few rows per point, never the group's facts), or null
   * when the group has none stored yet (projected before they existed) or the stored scale versions
   * cannot say which of them a bounded series used.
   */
  private Series storedSeries(
      FactSnapshot facts, String groupId, CohesionRequest request, Instant before) {
    GroupRef group = group(facts, groupId);
    FactRecords.CohesionSummary summary = facts.cohesionSummary(groupId).orElse(null);
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
    LocalDate from = request.from();
    LocalDate to = request.to();
    LocalDate today = LocalDate.now(clock);
    boolean none = interactions == 0;
    if (from == null) {
      from =
          none
              ? (to != null ? to : today).minusDays(TAIL_DAYS)
              : day(summary.firstTime()).minusDays(LEAD_DAYS);
    }
    if (to == null) {
      to = none ? today : day(summary.lastTime()).plusDays(TAIL_DAYS);
      if (to.isBefore(from)) {
        to = from;
      }
    }
    List<Buckets.Bucket> buckets = buckets(request, from, to);
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
        request.resolution().name().toLowerCase(java.util.Locale.ROOT),
        new Evidence(interactions, duplicates, otherScale),
        points(buckets, pairs),
        points(buckets, institution));
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

  private static List<Buckets.Bucket> buckets(
      CohesionRequest request, LocalDate from, LocalDate to) {
    try {
      return request.resolution().between(from, to, MAX_POINTS);
    } catch (IllegalArgumentException e) {
      throw new BadQueryParameterException(
          "from",
          "the window holds more than "
              + MAX_POINTS
              + " points; narrow it or use a coarser resolution");
    }
  }

  private Series series(
      FactSnapshot facts, String groupId, CohesionRequest request, Instant before) {
    GroupRef group = group(facts, groupId);
    Resolution resolution = resolve(facts, groupId, request, before);
    LocalDate from = request.from();
    LocalDate to = request.to();
    List<Interaction> all = resolution.interactions();
    LocalDate today = LocalDate.now(clock);
    if (from == null) {
      from =
          all.isEmpty()
              ? (to != null ? to : today).minusDays(TAIL_DAYS)
              : day(all.get(0).time()).minusDays(LEAD_DAYS);
    }
    if (to == null) {
      to = all.isEmpty() ? today : day(all.get(all.size() - 1).time()).plusDays(TAIL_DAYS);
      if (to.isBefore(from)) {
        to = from;
      }
    }
    List<Buckets.Bucket> buckets = buckets(request, from, to);
    List<Instant> times = buckets.stream().map(Buckets.Bucket::at).toList();
    CohesionCalculator calculator = new CohesionCalculator(request.parameters());
    List<CohesionPoint> pairs =
        calculator.series(all, resolution.schedule(), Channel.PAIR, times, request.pairs());
    List<CohesionPoint> institution =
        calculator.series(all, resolution.schedule(), Channel.INSTITUTION, times, request.pairs());
    return new Series(
        group,
        CohesionViews.INDICATOR,
        request.parameters().scale().id(),
        scaleVersion(request, resolution),
        List.copyOf(resolution.scaleVersions()),
        request.whatIf(),
        request.asOf(),
        ParametersView.of(request.parameters()),
        request.resolution().name().toLowerCase(java.util.Locale.ROOT),
        new Evidence(all.size(), resolution.duplicates().size(), resolution.otherScale()),
        points(buckets, pairs),
        points(buckets, institution));
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
    return facts.read(request.asOf(), f -> contributors(f, groupId, label, at, request));
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
        contributors(pairs, resolution, request.limit()),
        institution.value(),
        contributors(institution, resolution, request.limit()));
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
        GroupFacts.load(facts, groupId, request.parameters().members(), before);
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

  /** Sums the contributions per record and keeps the {@code limit} largest in size. */
  private static List<Contributor> contributors(
      Explanation explanation, Resolution resolution, int limit) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, Map<String, Double>> weights = new TreeMap<>();
    for (Contribution c : explanation.contributions()) {
      String key = c.interaction().factKey();
      double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
      sum[0] += c.contribution();
      sum[1]++;
      weights
          .computeIfAbsent(key, k -> new TreeMap<>())
          .put(c.interaction().code(), c.interaction().weight());
    }
    Map<String, TreeSet<String>> duplicates = new TreeMap<>();
    for (Resolution.Duplicate d : resolution.duplicates()) {
      duplicates.computeIfAbsent(d.kept().factKey(), k -> new TreeSet<>()).add(d.left().factKey());
    }
    return sums.entrySet().stream()
        .sorted(
            Comparator.comparingDouble(
                    (Map.Entry<String, double[]> e) -> -Math.abs(e.getValue()[0]))
                .thenComparing(Map.Entry::getKey))
        .limit(limit)
        .map(
            e -> {
              FactSummary f = resolution.facts().get(e.getKey());
              boolean statement = f.kind() == FactKind.STATEMENT;
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
                  List.copyOf(duplicates.getOrDefault(e.getKey(), new TreeSet<>())));
            })
        .toList();
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
