package org.entente.recorder.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.entente.api.actor.AssignRole;
import org.entente.api.actor.RegisterActor;
import org.entente.api.statement.CorrectStatement;
import org.entente.api.statement.RecordStatement;
import org.entente.json.EntenteJson;
import org.junit.jupiter.api.Test;

class CommandMapperTest {

  private final CommandMapper mapper = new CommandMapper(EntenteJson.newObjectMapper());

  @Test
  void pathId_becomesTheAggregateId() {
    Object command =
        map(
            AssignRole.class,
            "{\"title\":\"t\",\"atActorId\":\"us\",\"from\":\"2025-01-25\"}",
            "hegseth",
            null);

    assertThat(((AssignRole) command).actorId()).isEqualTo("hegseth");
  }

  @Test
  void pathId_mayBeRepeatedInTheBody_butNotContradicted() {
    Object same =
        map(
            AssignRole.class,
            "{\"actorId\":\"hegseth\",\"title\":\"t\",\"atActorId\":\"us\",\"from\":\"2025-01-25\"}",
            "hegseth",
            null);

    assertThat(((AssignRole) same).actorId()).isEqualTo("hegseth");
    assertThatThrownBy(() -> map(AssignRole.class, "{\"actorId\":\"rutte\"}", "hegseth", null))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.problems().get(0).field()).isEqualTo("actorId"));
  }

  @Test
  void creatingCommandWithoutId_getsARandomUuid_butAGivenIdIsKept() {
    RegisterActor generated =
        (RegisterActor)
            map(RegisterActor.class, "{\"kind\":\"STATE\",\"name\":\"SE\"}", null, null);
    RegisterActor given =
        (RegisterActor)
            map(
                RegisterActor.class,
                "{\"actorId\":\"se\",\"kind\":\"STATE\",\"name\":\"SE\"}",
                null,
                null);

    assertThat(generated.actorId()).hasSize(36);
    assertThat(given.actorId()).isEqualTo("se");
  }

  @Test
  void ifMatch_fillsTheExpectedVersion_andMustAgreeWithTheBody() {
    CorrectStatement command =
        (CorrectStatement) map(CorrectStatement.class, "{\"reason\":\"r\"}", "st-1", 3L);

    assertThat(command.expectedVersion()).isEqualTo(3L);
    assertThatThrownBy(
            () ->
                map(CorrectStatement.class, "{\"expectedVersion\":2,\"reason\":\"r\"}", "st-1", 3L))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.problems().get(0).field()).isEqualTo("expectedVersion"));
    assertThatThrownBy(() -> map(RecordStatement.class, "{}", null, 3L))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.problems().get(0).field()).isEqualTo("If-Match"));
  }

  @Test
  void jacksonFailures_nameTheJsonPath() {
    assertThat(fieldOf(RecordStatement.class, "{\"citations\":[{\"grade\":\"QUOTE\"}]}"))
        .isEqualTo("citations[0].grade");
    assertThat(fieldOf(RecordStatement.class, "{\"citations\":[{\"excerpt\":{\"start\":\"x\"}}]}"))
        .isEqualTo("citations[0].excerpt.start");
    assertThat(fieldOf(RecordStatement.class, "{\"weight\":{\"value\":null}}"))
        .isEqualTo("weight.value");
    assertThat(fieldOf(RecordStatement.class, "{\"original\":{\"lang\":\"nl\"}}"))
        .isEqualTo("original.lang");
    assertThat(fieldOf(RecordStatement.class, "[]")).isEqualTo("body");
  }

  @Test
  void nullListEntries_areRefused_namingTheEntry() {
    assertThat(fieldOf(RecordStatement.class, "{\"targetIds\":[\"usa\",null]}"))
        .isEqualTo("targetIds[1]");
    assertThat(fieldOf(RecordStatement.class, "{\"citations\":[null]}")).isEqualTo("citations[0]");
    assertThat(fieldOf(RecordStatement.class, "{\"topics\":[\"a\",\"b\",null]}"))
        .isEqualTo("topics[2]");
    assertThat(fieldOf(RegisterActor.class, "{\"aliases\":[null]}")).isEqualTo("aliases[0]");
  }

  @Test
  void nullMapValues_areRefused_namingTheEntry_andNotTheException() {
    InvalidRequestException e =
        failure(
            RegisterActor.class,
            "{\"actorId\":\"a\",\"kind\":\"PERSON\",\"name\":\"A\","
                + "\"externalIds\":{\"viaf\":\"1\",\"wikidata\":null}}");

    assertThat(e.problems().get(0).field()).isEqualTo("externalIds[wikidata]");
    assertThat(e.problems().get(0).reason()).isEqualTo("must not be null");
    assertThat(e.getMessage()).doesNotContain("NullPointerException");
  }

  @Test
  void nullOptionalFields_areStillAccepted() {
    Object command =
        map(
            RegisterActor.class,
            "{\"actorId\":\"a\",\"kind\":\"PERSON\",\"name\":\"A\",\"aliases\":null}",
            null,
            null);

    assertThat(((RegisterActor) command).aliases()).isEmpty();
  }

  @Test
  void syntaxErrors_nameWhereTheParserStopped_andDuplicateKeysAreRefused() {
    assertThat(parseFailure("{\"original\":{\"text\":\"a\" \"language\":\"nl\"}}"))
        .isEqualTo("original.text");
    assertThat(parseFailure("{\"name\":\"a\",\"name\":\"b\"}")).isEqualTo("name");
    assertThat(parseFailure("{} {}")).isEqualTo("body");
    assertThat(parseFailure("")).isEqualTo("body");
  }

  private Object map(Class<?> type, String body, String pathId, Long version) {
    return mapper.toCommand(CommandCatalog.of(type), mapper.parse(body), pathId, version);
  }

  private String fieldOf(Class<?> type, String body) {
    return failure(type, body).problems().get(0).field();
  }

  private InvalidRequestException failure(Class<?> type, String body) {
    try {
      map(type, body, null, null);
    } catch (InvalidRequestException e) {
      return e;
    }
    throw new AssertionError("no failure for " + body);
  }

  private String parseFailure(String document) {
    try {
      JsonNode node = mapper.parse(document.getBytes(StandardCharsets.UTF_8));
      mapper.toCommand(CommandCatalog.of(RegisterActor.class), node, null, null);
    } catch (InvalidRequestException e) {
      return e.problems().get(0).field();
    }
    throw new AssertionError("no failure for " + document);
  }
}
