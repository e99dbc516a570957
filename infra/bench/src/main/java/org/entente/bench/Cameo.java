package org.entente.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CAMEO codebook with Goldstein weights, a copy of the recorder's (a test keeps them equal):
 * the generator only writes codes the service accepts, each with the weight the service expects.
 */
public final class Cameo {

  /** One code of the codebook and its weight on the Goldstein scale. */
  public record Code(String code, String name, double goldstein) {

    /** The CAMEO root (first two digits): the family of the action. */
    public int root() {
      return Integer.parseInt(code.substring(0, 2));
    }
  }

  public static final String SCALE = "goldstein";
  public static final String SCALE_VERSION = "cameo-1.1b3";

  private final List<Code> codes;

  private Cameo(List<Code> codes) {
    this.codes = List.copyOf(codes);
  }

  public static Cameo load() {
    try (InputStream in = Cameo.class.getResourceAsStream("/cameo-goldstein.tsv")) {
      if (in == null) {
        throw new IllegalStateException("cameo-goldstein.tsv is not on the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Cameo parse(BufferedReader reader) throws IOException {
    List<Code> codes = new ArrayList<>();
    String line = reader.readLine(); // header
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t");
      codes.add(new Code(cells[0], cells[1], Double.parseDouble(cells[2])));
    }
    return new Cameo(codes);
  }

  /** Codes of three or four digits: the specific actions statements are coded with. */
  public List<Code> specific() {
    return codes.stream().filter(c -> c.code().length() >= 3).toList();
  }

  public List<Code> all() {
    return codes;
  }

  /** The stance that matches a CAMEO root, so stance, code and weight tell one story. */
  public static String stanceOf(Code code) {
    return switch (code.root()) {
      case 1, 9 -> "NEUTRAL";
      case 2 -> "APPEAL";
      case 3 -> "COMMITMENT";
      case 4, 5, 6, 7 -> "SUPPORT";
      case 8 -> "CONCESSION";
      case 10 -> "DEMAND";
      case 11 -> "CRITICISM";
      case 12, 16 -> "REJECTION";
      case 14 -> "ACCUSATION";
      default -> "THREAT";
    };
  }
}
