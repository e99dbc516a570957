package org.entente.recorder.coding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.springframework.stereotype.Component;

/**
 * The CAMEO codes this service accepts, with their names and Goldstein weights (scale version
 * {@link org.entente.api.common.Weight#GOLDSTEIN_VERSION}). Codes are strings compared exactly:
 * "010" (make statement) and "10" (demand) are different codes.
 */
@Component
public class CameoCodebook {

  /** Tab-separated: code, name, goldstein; the first line is a header. */
  public static final String RESOURCE = "cameo/cameo-goldstein.tsv";

  private final Map<String, Entry> entries;

  public CameoCodebook() {
    this(RESOURCE);
  }

  CameoCodebook(String resource) {
    this.entries = load(resource);
  }

  public boolean isKnown(String code) {
    return code != null && entries.containsKey(code);
  }

  /** The Goldstein weight of a known code, empty for an unknown one. */
  public OptionalDouble goldstein(String code) {
    Entry entry = code == null ? null : entries.get(code);
    return entry == null ? OptionalDouble.empty() : OptionalDouble.of(entry.goldstein());
  }

  public Optional<String> name(String code) {
    return Optional.ofNullable(code == null ? null : entries.get(code)).map(Entry::name);
  }

  /** Every code in file order. */
  public Map<String, Entry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  public record Entry(String code, String name, double goldstein) {}

  private static Map<String, Entry> load(String resource) {
    ClassLoader loader = CameoCodebook.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("CAMEO codebook not on the classpath: " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, Entry> loaded = new LinkedHashMap<>();
      String line = reader.readLine(); // header
      int number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length != 3) {
          throw new IllegalStateException(
              resource + " line " + number + ": expected 3 tab-separated columns");
        }
        String code = columns[0].strip();
        Entry entry = new Entry(code, columns[1].strip(), Double.parseDouble(columns[2].strip()));
        if (loaded.put(code, entry) != null) {
          throw new IllegalStateException(resource + " line " + number + ": duplicate " + code);
        }
      }
      return Collections.unmodifiableMap(loaded);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
