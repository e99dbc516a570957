package org.entente.timeline.cohesion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.entente.api.common.AttributionGrade;
import org.entente.timeline.cohesion.arithmetic.Buckets;
import org.entente.timeline.cohesion.arithmetic.CohesionParameters;
import org.entente.timeline.cohesion.arithmetic.CohesionScale;
import org.entente.timeline.web.BadQueryParameterException;
import org.entente.timeline.web.QueryParameters;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of the cohesion endpoints, checked: a bad one is a 400 problem naming it.
 * What-if parameters (halfLifeDays, k, observation, reliability.GRADE, scale, members) change the
 * calculation for this request only; interval and plain add the uncertainty band and the plain
 * measures to each point; minShare sets the contributor lists' floor.
 */
record CohesionRequest(
    LocalDate from,
    LocalDate to,
    Buckets resolution,
    boolean resolutionGiven,
    Instant asOf,
    boolean pairs,
    int limit,
    double minShare,
    boolean interval,
    boolean plain,
    CohesionParameters parameters,
    boolean whatIf) {

  static final String RELIABILITY = "reliability.";
  static final int MAX_LIMIT = 1000;

  /**
   * Contributor lists leave out records whose contribution is smaller in size than this fraction of
   * the point's gross value (Σ |contribution|), and say how many they left out.
   */
  static final double DEFAULT_MIN_SHARE = 0.001;

  static CohesionRequest parse(MultiValueMap<String, String> query) {
    Map<String, String> q = query.toSingleValueMap();
    LocalDate from = parse(q, "from", CohesionRequest::date, null);
    LocalDate to = parse(q, "to", CohesionRequest::date, null);
    if (from != null && to != null && to.isBefore(from)) {
      throw new BadQueryParameterException("to", "must not be before from (" + from + ")");
    }
    Buckets resolution = parse(q, "resolution", Buckets::parse, Buckets.DAY);
    boolean resolutionGiven = q.containsKey("resolution");
    // the read side's one asOf parser, as for timelines
    Instant asOf = QueryParameters.instant("asOf", q.get("asOf"));
    boolean pairs = parse(q, "pairs", CohesionRequest::bool, false);
    int limit = parse(q, "limit", Integer::parseInt, 10);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadQueryParameterException("limit", "must lie between 1 and " + MAX_LIMIT);
    }
    double minShare = parse(q, "minShare", Double::parseDouble, DEFAULT_MIN_SHARE);
    if (!(minShare >= 0 && minShare <= 1)) {
      throw new BadQueryParameterException("minShare", "must lie in [0, 1]");
    }
    boolean interval = parse(q, "interval", CohesionRequest::bool, false);
    boolean plain = parse(q, "plain", CohesionRequest::bool, false);
    CohesionParameters p = CohesionParameters.defaults();
    boolean whatIf = false;
    if (q.containsKey("halfLifeDays")) {
      double days = parse(q, "halfLifeDays", Double::parseDouble, null);
      if (!(days > 0) || days > 36_500) {
        throw new BadQueryParameterException("halfLifeDays", "must lie in (0, 36500]");
      }
      p = p.withHalfLifeDays(days);
      whatIf = true;
    }
    if (q.containsKey("k")) {
      double k = parse(q, "k", Double::parseDouble, null);
      if (!(k >= 0) || k > 1000) {
        throw new BadQueryParameterException("k", "must lie in [0, 1000]");
      }
      p = p.withK(k);
      whatIf = true;
    }
    if (q.containsKey("observation")) {
      double threshold = parse(q, "observation", Double::parseDouble, null);
      if (!(threshold >= 0) || threshold > 1000) {
        throw new BadQueryParameterException("observation", "must lie in [0, 1000]");
      }
      p = p.withObservation(threshold);
      whatIf = true;
    }
    for (Map.Entry<String, String> e : q.entrySet()) {
      if (e.getKey().startsWith(RELIABILITY)) {
        p = p.withReliability(grade(e.getKey()), reliability(e.getKey(), e.getValue()));
        whatIf = true;
      }
    }
    if (q.containsKey("scale")) {
      p = p.withScale(parse(q, "scale", CohesionScale::parse, null));
      whatIf = true;
    }
    if (q.containsKey("members")) {
      p = p.withMembers(members(q.get("members")));
      whatIf = true;
    }
    return new CohesionRequest(
        from,
        to,
        resolution,
        resolutionGiven,
        asOf,
        pairs,
        limit,
        minShare,
        interval,
        plain,
        p,
        whatIf);
  }

  private static <T> T parse(
      Map<String, String> q, String name, Function<String, T> parser, T fallback) {
    String value = q.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return parser.apply(value.trim());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new BadQueryParameterException(name, "'" + value + "' is not " + expected(name));
    }
  }

  private static String expected(String name) {
    return switch (name) {
      case "from", "to" -> "a date (YYYY-MM-DD)";
      case "resolution" -> "day, week or month";
      case "scale" -> "goldstein or plover";
      case "pairs", "interval", "plain" -> "true or false";
      case "limit" -> "a whole number";
      default -> "a number";
    };
  }

  /** A date within years 0001–9999, which every view can hold. */
  private static LocalDate date(String value) {
    LocalDate date = LocalDate.parse(value);
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw new IllegalArgumentException(value);
    }
    return date;
  }

  private static boolean bool(String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(value);
    }
    return Boolean.parseBoolean(value);
  }

  private static AttributionGrade grade(String parameter) {
    String name = parameter.substring(RELIABILITY.length()).toUpperCase(Locale.ROOT);
    try {
      return AttributionGrade.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new BadQueryParameterException(
          parameter,
          "unknown attribution grade; one of " + Arrays.toString(AttributionGrade.values()));
    }
  }

  private static double reliability(String parameter, String value) {
    try {
      double r = Double.parseDouble(value.trim());
      if (r >= 0 && r <= 1) {
        return r;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadQueryParameterException(parameter, "'" + value + "' is not a number in [0, 1]");
  }

  private static Set<String> members(String value) {
    Set<String> members = new LinkedHashSet<>();
    for (String id : value.split(",")) {
      if (!id.isBlank()) {
        members.add(id.trim());
      }
    }
    if (members.isEmpty()) {
      throw new BadQueryParameterException("members", "must name at least one actor id");
    }
    return members;
  }
}
