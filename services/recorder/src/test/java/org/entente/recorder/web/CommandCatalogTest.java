package org.entente.recorder.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.entente.api.event.AmendDiplomaticEvent;
import org.entente.api.statement.CorrectStatement;
import org.entente.api.statement.RecordStatement;
import org.junit.jupiter.api.Test;

class CommandCatalogTest {

  @Test
  void catalog_holdsEveryCommandOfThePublishedLanguage() {
    Set<Class<?>> commands =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.entente.api")
                .stream()
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .filter(
                    type ->
                        Arrays.stream(type.getRecordComponents())
                            .anyMatch(
                                c ->
                                    c.getAccessor()
                                        .isAnnotationPresent(TargetAggregateIdentifier.class)))
                .collect(Collectors.toSet());

    assertThat(commands).hasSize(14);
    assertThat(CommandCatalog.ALL.stream().map(CommandSpec::type).collect(Collectors.toSet()))
        .isEqualTo(commands);
  }

  @Test
  void specs_knowTheirIdAndVersionFields() {
    assertThat(CommandCatalog.of(RecordStatement.class).idField()).isEqualTo("statementId");
    assertThat(CommandCatalog.of(RecordStatement.class).creates()).isTrue();
    assertThat(CommandCatalog.of(RecordStatement.class).versionField()).isEmpty();
    assertThat(CommandCatalog.of(CorrectStatement.class).versionField())
        .contains("expectedVersion");
    assertThat(CommandCatalog.of(AmendDiplomaticEvent.class).idField()).isEqualTo("eventId");
    assertThat(CommandCatalog.of(AmendDiplomaticEvent.class).creates()).isFalse();
    assertThat(CommandCatalog.byName("RegisterActor")).isPresent();
    assertThat(CommandCatalog.byName("registerActor")).isEmpty();
  }
}
