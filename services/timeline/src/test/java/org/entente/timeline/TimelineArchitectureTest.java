package org.entente.timeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The read side reads events as published-language records only; it never uses the recorder. */
class TimelineArchitectureTest {

  static final String TIMELINE = "org.entente.timeline";
  static final String RECORDER = "org.entente.recorder";

  private final JavaClasses mainClasses =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(TIMELINE);

  @Test
  void timeline_doesNotDependOnTheRecorder() {
    noClasses()
        .that()
        .resideInAPackage(TIMELINE + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(RECORDER + "..")
        .check(mainClasses);
  }

  @Test
  void theRuleSeesTheTimelineClasses() {
    // guards the rule above against silently matching nothing
    org.assertj.core.api.Assertions.assertThat(
            mainClasses.containPackage(TIMELINE + ".timeline")
                && mainClasses.containPackage(TIMELINE + ".history")
                && mainClasses.containPackage(TIMELINE + ".rebuild")
                && mainClasses.containPackage(TIMELINE + ".lookup"))
        .isTrue();
  }
}
