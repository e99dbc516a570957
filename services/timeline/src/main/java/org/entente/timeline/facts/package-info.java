/**
 * The reader API of the read side's record-time fact store (the {@code tl_*} tables the one
 * projection keeps): views other than the timeline pages (cohesion) read actors, memberships, roles
 * and entry versions only through {@link org.entente.timeline.facts.FactReader}, in one snapshot of
 * the live slot. An ArchUnit rule keeps it so.
 */
package org.entente.timeline.facts;
