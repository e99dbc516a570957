package org.entente.api.common;

/** Shapes of identifiers and tags accepted in the published language. */
public final class Ids {

  /** Client-chosen or generated aggregate ids: readable slugs or UUIDs. */
  public static final String AGGREGATE_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

  /** Where a source can be found: an absolute http or https URL without spaces. */
  public static final String HTTP_URL = "https?://[^\\s/?#]+[^\\s]*";

  /** A Wikidata item id, e.g. Q7184 for NATO. */
  public static final String WIKIDATA_ITEM = "Q[1-9][0-9]*";

  public static final String LANGUAGE_TAG = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*";

  private Ids() {}
}
