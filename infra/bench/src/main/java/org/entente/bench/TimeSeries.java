package org.entente.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Throughput and latency per second of the whole run, per phase, for the report's plot: every timed
 * operation lands in the second it ended in.
 */
public final class TimeSeries {

  /** One second of one phase. */
  public record Point(String phase, long second, double perSecond, double p50Ms, double p99Ms) {}

  private static final class Bucket {
    long count;
    long[] latencies = new long[16];
    int n;

    void add(long units, long latencyNanos) {
      count += units;
      if (latencyNanos >= 0) {
        if (n == latencies.length) {
          latencies = Arrays.copyOf(latencies, n * 2);
        }
        latencies[n++] = latencyNanos;
      }
    }
  }

  private final long originNanos = System.nanoTime();
  private final Map<String, TreeMap<Long, Bucket>> phases = new LinkedHashMap<>();

  /** An operation of {@code phase} that ended at {@code endNanos} and took {@code latency}. */
  public synchronized void record(String phase, long endNanos, long latencyNanos) {
    if (phase == null) {
      return; // warm-up: not part of the series
    }
    bucket(phase, endNanos).add(1, latencyNanos);
  }

  /** {@code units} done (e.g. imported events) by the time {@code endNanos}, no latency. */
  public synchronized void count(String phase, long endNanos, long units) {
    bucket(phase, endNanos).add(units, -1);
  }

  /**
   * {@code units} done evenly between {@code startNanos} and {@code endNanos} (an import chunk).
   */
  public synchronized void spread(String phase, long startNanos, long endNanos, long units) {
    long first = second(startNanos);
    long last = Math.max(first, second(endNanos));
    long seconds = last - first + 1;
    for (long s = first; s <= last; s++) {
      long share = units / seconds + (s - first < units % seconds ? 1 : 0);
      phases
          .computeIfAbsent(phase, p -> new TreeMap<>())
          .computeIfAbsent(s, x -> new Bucket())
          .add(share, -1);
    }
  }

  private long second(long nanos) {
    return Math.max(0, (nanos - originNanos) / 1_000_000_000L);
  }

  private Bucket bucket(String phase, long endNanos) {
    long second = Math.max(0, (endNanos - originNanos) / 1_000_000_000L);
    return phases
        .computeIfAbsent(phase, p -> new TreeMap<>())
        .computeIfAbsent(second, s -> new Bucket());
  }

  public synchronized List<Point> points() {
    List<Point> points = new ArrayList<>();
    phases.forEach(
        (phase, buckets) ->
            buckets.forEach(
                (second, b) -> {
                  long[] sorted = Arrays.copyOf(b.latencies, b.n);
                  Arrays.sort(sorted);
                  points.add(
                      new Point(phase, second, b.count, pct(sorted, 0.5), pct(sorted, 0.99)));
                }));
    return points;
  }

  private static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** Two panels over run time: operations per second (top), p50/p99 latency (bottom, log). */
  public void plot(Path file, String title) throws IOException {
    List<Point> points = points();
    int width = 1400;
    int height = 900;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString(title, 70, 30);
    long maxSecond = points.stream().mapToLong(Point::second).max().orElse(1) + 1;
    double maxRate = points.stream().mapToDouble(Point::perSecond).max().orElse(1);
    double maxLat =
        points.stream().mapToDouble(Point::p99Ms).filter(d -> !Double.isNaN(d)).max().orElse(1);
    int left = 90;
    int right = width - 330;
    int[] top = {60, 490};
    int panel = 360;
    Map<String, Color> colors = new LinkedHashMap<>();
    Color[] palette = {
      new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
      new Color(0xbcbd22), new Color(0x17becf)
    };
    for (Point p : points) {
      colors.computeIfAbsent(p.phase(), k -> palette[colors.size() % palette.length]);
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int panelIndex = 0; panelIndex < 2; panelIndex++) {
      int y0 = top[panelIndex];
      g.setColor(Color.BLACK);
      g.drawRect(left, y0, right - left, panel);
      g.drawString(
          panelIndex == 0
              ? "operations (or events) per second, log scale"
              : "latency ms, p50 (dot) and p99" + " (line), log scale",
          left,
          y0 - 6);
      for (int tick = 0; tick <= 5; tick++) {
        int x = left + (right - left) * tick / 5;
        g.drawString(String.valueOf(maxSecond * tick / 5) + " s", x - 10, y0 + panel + 15);
      }
      if (panelIndex == 0) {
        for (double r = 1; r <= maxRate * 10; r *= 10) {
          int y = rateY(r, maxRate, y0, panel);
          if (y >= y0) {
            g.drawString(String.format("%.0f", r), 10, y + 4);
          }
        }
      } else {
        for (double ms = 0.1; ms <= Math.max(1, maxLat) * 10; ms *= 10) {
          int y = latY(ms, maxLat, y0, panel);
          if (y >= y0 && y <= y0 + panel) {
            g.drawString(ms < 1 ? String.format("%.1f", ms) : String.format("%.0f", ms), 10, y + 4);
          }
        }
      }
    }
    for (Point p : points) {
      g.setColor(colors.get(p.phase()));
      int x = left + (int) ((right - left) * (p.second() + 0.5) / maxSecond);
      int y = rateY(p.perSecond(), maxRate, top[0], panel);
      g.fillRect(x - 2, y, 4, top[0] + panel - y);
      if (!Double.isNaN(p.p50Ms())) {
        g.setStroke(new BasicStroke(2));
        int y99 = latY(p.p99Ms(), maxLat, top[1], panel);
        int y50 = latY(p.p50Ms(), maxLat, top[1], panel);
        g.drawLine(x - 3, y99, x + 3, y99);
        g.fillOval(x - 3, y50 - 3, 6, 6);
      }
    }
    int legendY = 70;
    for (Map.Entry<String, Color> entry : colors.entrySet()) {
      g.setColor(entry.getValue());
      g.fillRect(right + 20, legendY - 10, 12, 12);
      g.setColor(Color.BLACK);
      g.drawString(entry.getKey(), right + 38, legendY);
      legendY += 18;
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static int rateY(double rate, double maxRate, int y0, int panel) {
    double hi = Math.log10(Math.max(10, maxRate) * 1.5);
    double v = Math.log10(Math.max(1, rate));
    return y0 + panel - (int) (panel * v / hi);
  }

  private static int latY(double ms, double maxLat, int y0, int panel) {
    double lo = Math.log10(0.1);
    double hi = Math.log10(Math.max(1, maxLat) * 1.5);
    double v = Math.log10(Math.max(0.1, ms));
    return y0 + panel - (int) (panel * (v - lo) / (hi - lo));
  }
}
