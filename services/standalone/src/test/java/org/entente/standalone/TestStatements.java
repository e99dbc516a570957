package org.entente.standalone;

/** Request bodies of statements about the demo's actors (loaded on start). */
public final class TestStatements {

  private TestStatements() {}

  /** {@code POST /api/statements}: Rutte praising the United States, with the given id. */
  public static String rutteOnTheUnitedStates(String statementId) {
    return """
        {"statementId": "%s", "speakerId": "mark-rutte", "targetIds": ["united-states"],
         "saidAt": {"at": "2025-02-13T00:00:00Z", "precision": "DAY"}, "stance": "PRAISE",
         "cameoCode": "051", "weight": {"value": 3.4, "scale": "goldstein", "scaleVersion": "cameo-1.1b3"},
         "original": {"language": "en", "text": "The United States remains committed to NATO."}}
        """
        .formatted(statementId);
  }
}
