package org.entente.timeline.lookup;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An actor as known in a snapshot: who it is, the roles it held, the groups it belonged to, the
 * persons holding roles at it and its members (each with its event-time period and record time),
 * the facts in the order they were recorded, and where to read more.
 */
@Schema(description = "An actor as known at asOf (record time; now if not given)")
public record ActorView(
    String id,
    String kind,
    String name,
    List<String> aliases,
    Map<String, String> externalIds,
    Instant recordedAt,
    long position,
    @Schema(description = "Roles this actor held (a person's offices)") List<Role> roles,
    @Schema(description = "Persons holding a role at this actor") List<Role> officials,
    @Schema(description = "Groups this actor belonged to") List<Membership> memberships,
    @Schema(description = "Members of this actor, if it is a group") List<Membership> members,
    @Schema(description = "Every fact recorded about this actor, in record order")
        List<Version> versions,
    @Schema(description = "The record time asked for; absent for now") Instant asOf,
    Links links) {

  /** A role held by a person at a state or organisation; {@code to} inclusive, null if ongoing. */
  public record Role(
      String actorId,
      String actorName,
      String title,
      String atActorId,
      String atActorName,
      LocalDate from,
      LocalDate to,
      Instant recordedAt,
      long position) {}

  /** A membership of an actor in a group; {@code to} inclusive, null while it lasts. */
  public record Membership(
      String actorId,
      String actorName,
      String groupId,
      String groupName,
      LocalDate from,
      LocalDate to,
      Instant recordedAt,
      long position) {}

  /** One recorded fact about the actor: its registration, a role or a membership. */
  public record Version(
      int version,
      @Schema(
              example = "REGISTERED",
              allowableValues = {"REGISTERED", "ROLE", "MEMBERSHIP"})
          String change,
      Instant recordedAt,
      long position) {}

  /** Where to read more about the actor. */
  public record Links(
      String self,
      @Schema(description = "Its stored events") String stream,
      @Schema(description = "Its events in the history (NDJSON)") String history,
      String timeline,
      @Schema(description = "The group timeline, for an actor that is not a person")
          String groupTimeline,
      @Schema(description = "The cohesion series, for an actor that has members")
          String cohesion) {}
}
