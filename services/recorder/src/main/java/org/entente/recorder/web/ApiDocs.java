package org.entente.recorder.web;

/** Texts shared by the OpenAPI annotations of the command endpoints. */
final class ApiDocs {

  static final String CREATED =
      "Created: the events are stored. Location points at the new aggregate's stream, ETag holds"
          + " its version.";
  static final String DONE = "Done: the event is stored. ETag holds the aggregate's new version.";
  static final String IF_MATCH =
      "Optimistic concurrency: the version (ETag) the change is based on, e.g. \"3\". 409 when the"
          + " record has changed since.";
  static final String ID_IN_PATH =
      "The id in the path is the aggregate addressed; it may be left out of the body.";

  private ApiDocs() {}
}
