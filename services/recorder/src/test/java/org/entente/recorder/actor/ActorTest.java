package org.entente.recorder.actor;

import static org.entente.recorder.rules.Rejections.ruleViolation;
import static org.entente.recorder.rules.Rejections.unknownReference;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.actor.AssignRole;
import org.entente.api.actor.MembershipRecorded;
import org.entente.api.actor.RecordMembership;
import org.entente.api.actor.RegisterActor;
import org.entente.api.actor.RoleAssigned;
import org.entente.recorder.reference.InMemoryReferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActorTest {

  static final LocalDate SWORN_IN = LocalDate.of(2025, 1, 25);

  FixtureConfiguration<Actor> fixture;
  InMemoryReferences references;

  @BeforeEach
  void setUp() {
    references =
        new InMemoryReferences()
            .actor("usa", ActorKind.STATE)
            .actor("nato", ActorKind.ALLIANCE)
            .actor("eu", ActorKind.ORGANISATION)
            .actor("european-allies", ActorKind.GROUP)
            .actor("rutte", ActorKind.PERSON);
    fixture = new AggregateTestFixture<>(Actor.class);
    fixture.registerInjectableResource(references);
  }

  static ActorRegistered hegseth() {
    return new ActorRegistered("hegseth", ActorKind.PERSON, "Pete Hegseth", List.of(), Map.of());
  }

  static ActorRegistered sweden() {
    return new ActorRegistered("sweden", ActorKind.STATE, "Sweden", List.of("Zweden"), Map.of());
  }

  @Test
  void registerActor_recordsTheActorWithItsNameStripped() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterActor(
                "nato",
                ActorKind.ALLIANCE,
                "  NATO ",
                List.of("NAVO", "OTAN"),
                Map.of("wikidata", "Q7184")))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new ActorRegistered(
                "nato",
                ActorKind.ALLIANCE,
                "NATO",
                List.of("NAVO", "OTAN"),
                Map.of("wikidata", "Q7184")));
  }

  @Test
  void registerActor_isRejected_whenTheWikidataIdIsNoItemId() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterActor(
                "nato", ActorKind.ALLIANCE, "NATO", List.of(), Map.of("wikidata", "not-a-q")))
        .expectException(ruleViolation("externalIds[wikidata]"))
        .expectNoEvents();
  }

  @Test
  void registerActor_withoutAliasesOrExternalIds_recordsEmptyOnes() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterActor("hegseth", ActorKind.PERSON, "Pete Hegseth", null, null))
        .expectEvents(hegseth());
  }

  @Test
  void assignRole_givesAPersonARoleAtAState() {
    fixture
        .given(hegseth())
        .when(new AssignRole("hegseth", " Secretary of Defense ", "usa", SWORN_IN, null))
        .expectEvents(new RoleAssigned("hegseth", "Secretary of Defense", "usa", SWORN_IN, null));
  }

  @Test
  void assignRole_acceptsAnOrganisationOrAllianceAsWhereTheRoleIsHeld() {
    fixture
        .given(hegseth())
        .when(new AssignRole("hegseth", "Adviser", "nato", SWORN_IN, SWORN_IN.plusYears(1)))
        .expectEvents(
            new RoleAssigned("hegseth", "Adviser", "nato", SWORN_IN, SWORN_IN.plusYears(1)));
  }

  @Test
  void assignRole_isRejected_forAnActorThatIsNotAPerson() {
    fixture
        .given(sweden())
        .when(new AssignRole("sweden", "Member", "nato", SWORN_IN, null))
        .expectNoEvents()
        .expectException(ruleViolation("actorId"));
  }

  @Test
  void assignRole_isRejected_whenTheStateIsNotOnRecord() {
    fixture
        .given(hegseth())
        .when(new AssignRole("hegseth", "Secretary of Defense", "atlantis", SWORN_IN, null))
        .expectNoEvents()
        .expectException(unknownReference("atActorId"));
  }

  @Test
  void assignRole_isRejected_atAPersonOrAGroup() {
    fixture
        .given(hegseth())
        .when(new AssignRole("hegseth", "Friend", "rutte", SWORN_IN, null))
        .expectNoEvents()
        .expectException(ruleViolation("atActorId"));
    fixture
        .given(hegseth())
        .when(new AssignRole("hegseth", "Friend", "european-allies", SWORN_IN, null))
        .expectNoEvents()
        .expectException(ruleViolation("atActorId"));
  }

  @Test
  void assignRole_isRejected_whenThePeriodRunsBackwards() {
    fixture
        .given(hegseth())
        .when(
            new AssignRole(
                "hegseth", "Secretary of Defense", "usa", SWORN_IN, SWORN_IN.minusDays(1)))
        .expectNoEvents()
        .expectException(ruleViolation("to"));
  }

  @Test
  void assignRole_acceptsAOneDayPeriod() {
    fixture
        .given(hegseth())
        .when(new AssignRole("hegseth", "Envoy", "usa", SWORN_IN, SWORN_IN))
        .expectEvents(new RoleAssigned("hegseth", "Envoy", "usa", SWORN_IN, SWORN_IN));
  }

  @Test
  void recordMembership_putsAStateInAnAlliance() {
    LocalDate joined = LocalDate.of(2024, 3, 7);
    fixture
        .given(sweden())
        .when(new RecordMembership("sweden", "nato", joined, null))
        .expectEvents(new MembershipRecorded("sweden", "nato", joined, null));
  }

  @Test
  void recordMembership_acceptsAGroupOrOrganisation() {
    LocalDate joined = LocalDate.of(1995, 1, 1);
    fixture
        .given(sweden())
        .when(new RecordMembership("sweden", "eu", joined, null))
        .expectEvents(new MembershipRecorded("sweden", "eu", joined, null));
    fixture
        .given(sweden())
        .when(new RecordMembership("sweden", "european-allies", joined, null))
        .expectEvents(new MembershipRecorded("sweden", "european-allies", joined, null));
  }

  @Test
  void recordMembership_isRejected_forAPerson() {
    fixture
        .given(hegseth())
        .when(new RecordMembership("hegseth", "nato", SWORN_IN, null))
        .expectNoEvents()
        .expectException(ruleViolation("actorId"));
  }

  @Test
  void recordMembership_isRejected_inItself() {
    fixture
        .given(new ActorRegistered("nato", ActorKind.ALLIANCE, "NATO", List.of(), Map.of()))
        .when(new RecordMembership("nato", "nato", SWORN_IN, null))
        .expectNoEvents()
        .expectException(ruleViolation("groupId"));
  }

  @Test
  void recordMembership_isRejected_whenTheGroupIsNotOnRecord() {
    fixture
        .given(sweden())
        .when(new RecordMembership("sweden", "warsaw-pact", SWORN_IN, null))
        .expectNoEvents()
        .expectException(unknownReference("groupId"));
  }

  @Test
  void recordMembership_isRejected_inAStateOrPerson() {
    fixture
        .given(sweden())
        .when(new RecordMembership("sweden", "usa", SWORN_IN, null))
        .expectNoEvents()
        .expectException(ruleViolation("groupId"));
    fixture
        .given(sweden())
        .when(new RecordMembership("sweden", "rutte", SWORN_IN, null))
        .expectNoEvents()
        .expectException(ruleViolation("groupId"));
  }

  @Test
  void recordMembership_isRejected_whenThePeriodRunsBackwards() {
    fixture
        .given(sweden())
        .when(
            new RecordMembership(
                "sweden", "nato", LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 6)))
        .expectNoEvents()
        .expectException(ruleViolation("to"));
  }
}
