package org.entente.timeline.live;

/**
 * What one client listens to.
 *
 * @param ownerId the actor or group of a timeline or cohesion stream; null for events
 * @param filter the events stream's filter; null otherwise
 */
record LiveSubscription(LiveStream stream, String ownerId, EventFilter filter) {}
