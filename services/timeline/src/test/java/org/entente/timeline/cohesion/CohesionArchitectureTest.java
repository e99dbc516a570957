package org.entente.timeline.cohesion;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.entente.timeline.cohesion.arithmetic.CohesionCalculator;
import org.entente.timeline.facts.FactReader;
import org.entente.timeline.timeline.TimelineProjection;
import org.junit.jupiter.api.Test;

/**
 * The cohesion arithmetic stays pure (a package rule: whatever class lands in it), cohesion reads
 * the fact store only through its reader API, and the read side never reaches into the write side.
 * Package names come from classes, and every rule fails when it matches no class.
 */
class CohesionArchitectureTest {

  private static final String COHESION = CohesionService.class.getPackageName();
  private static final String ARITHMETIC = CohesionCalculator.class.getPackageName();
  private static final String FACTS = FactReader.class.getPackageName();
  private static final String FACT_STORE = TimelineProjection.class.getPackageName();

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.entente.timeline");

  @Test
  void theArithmetic_usesNoFrameworkNoDatabaseNoFactStoreAndNoClock() {
    noClasses()
        .that()
        .resideInAPackage(ARITHMETIC + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.axonframework..",
            "java.sql..",
            "javax.sql..",
            FACTS + "..",
            FACT_STORE + "..",
            COHESION)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Clock.class)
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(OffsetDateTime.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .allowEmptyShould(false)
        .check(classes);
  }

  @Test
  void cohesion_readsTheFactStore_onlyThroughItsReaderApi() {
    noClasses()
        .that()
        .resideInAPackage(COHESION + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            FACT_STORE + "..", "org.springframework.jdbc..", "java.sql..", "javax.sql..")
        .allowEmptyShould(false)
        .check(classes);
    // ...and does read it through the reader API, so the rule above guards a real dependency
    assertThat(
            classes.stream()
                .filter(c -> c.getPackageName().startsWith(COHESION))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .map(Dependency::getTargetClass)
                .map(JavaClass::getPackageName))
        .contains(FACTS);
  }

  @Test
  void theArithmeticPackage_holdsTheCalculation() {
    assertThat(
            classes.stream()
                .filter(c -> c.getPackageName().equals(ARITHMETIC))
                .map(JavaClass::getSimpleName))
        .contains("CohesionCalculator", "InteractionResolver", "MemberSchedule", "GroupReach");
  }

  @Test
  void cohesion_neverImportsTheWriteSide() {
    noClasses()
        .that()
        .resideInAPackage(COHESION + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.entente.recorder..")
        .allowEmptyShould(false)
        .check(classes);
  }
}
