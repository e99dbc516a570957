package org.entente.timeline.cohesion;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The calculation stays pure, and the read side never reaches into the write side. */
class CohesionArchitectureTest {

  private static final String COHESION = CohesionCalculator.class.getPackageName();
  private static final Set<Class<?>> PURE =
      Set.of(
          CohesionCalculator.class,
          CohesionParameters.class,
          CohesionScale.class,
          InteractionResolver.class,
          Interaction.class,
          Resolution.class,
          MemberSchedule.class,
          EventKindWeights.class,
          CohesionHistory.class,
          StatementFact.class,
          EventFact.class,
          ActorFact.class,
          MembershipFact.class,
          RoleFact.class,
          FactSummary.class,
          CohesionPoint.class,
          PairAffinity.class,
          Explanation.class,
          Contribution.class,
          Buckets.class);

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(COHESION);

  @Test
  void theCalculation_usesNoFrameworkNoDatabaseAndNoClock() {
    DescribedPredicate<JavaClass> pure =
        DescribedPredicate.describe(
            "the pure calculation",
            c ->
                PURE.stream()
                    .anyMatch(
                        p ->
                            c.getName().equals(p.getName())
                                || c.getName().startsWith(p.getName() + "$")));
    noClasses()
        .that(pure)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "org.axonframework..", "java.sql..", "javax.sql..")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .check(classes);
  }

  @Test
  void cohesion_neverImportsTheWriteSide() {
    noClasses()
        .that()
        .resideInAPackage(COHESION + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.entente.recorder..")
        .check(classes);
  }
}
