package org.entente.recorder.importing;

import org.entente.recorder.web.InvalidRequestException;
import org.springframework.http.ContentDisposition;

/** The name an import's client gives its file: checked, as it is stored in every event. */
final class ImportFileNames {

  static final int MAX_LENGTH = 255;

  private ImportFileNames() {}

  /** {@code ?fileName=}, else Content-Disposition's filename, else null. */
  static String of(String parameter, String contentDisposition) {
    if (parameter != null) {
      return checked(ImportEndpoints.FILE_NAME, parameter);
    }
    if (contentDisposition == null) {
      return null;
    }
    String name;
    try {
      name = ContentDisposition.parse(contentDisposition).getFilename();
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("Content-Disposition", "is not a valid header value");
    }
    return name == null ? null : checked("Content-Disposition", name);
  }

  private static String checked(String field, String name) {
    String trimmed = name.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
      throw InvalidRequestException.of(field, "a file name has 1 to " + MAX_LENGTH + " characters");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw InvalidRequestException.of(field, "a file name has no control characters");
    }
    return trimmed;
  }
}
