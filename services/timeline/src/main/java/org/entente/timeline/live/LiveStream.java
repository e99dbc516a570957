package org.entente.timeline.live;

/** The kinds of live stream: what they tail and how their messages are made. */
enum LiveStream {
  /** Stored events (the event store), in the history's JSON. */
  EVENTS,
  /** Entry versions appearing on an actor's timeline (its direct page rows). */
  ACTOR_TIMELINE,
  /** Entry versions appearing on a group's timeline (all its page rows). */
  GROUP_TIMELINE,
  /** The group's cohesion points of the days its timeline changed on. */
  COHESION;

  boolean tailsEvents() {
    return this == EVENTS;
  }

  String tag() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
