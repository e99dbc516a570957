package org.entente.standalone.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.entente.standalone.Packages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The boundaries between Entente's parts. The standalone module sees every part on its classpath,
 * so the rules are checked here. Package names come from {@link Packages}, the constants the
 * application's component scan uses too, and no rule may match nothing.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.entente");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        Packages.API,
        Packages.RECORDER,
        Packages.TIMELINE,
        Packages.AUDIT,
        Packages.STANDALONE
      })
  void everyPartHasClassesToCheck(String rootPackage) {
    assertThat(classes.that(resideIn(rootPackage)))
        .as(
            "production classes in %s (an empty part would make its rules check nothing)",
            rootPackage)
        .isNotEmpty();
  }

  @Test
  void publishedLanguage_dependsOnNoSpringAndNoJpa() {
    noClasses()
        .that()
        .resideInAPackage(Packages.API + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "javax.persistence..")
        .allowEmptyShould(false)
        .check(classes);
  }

  @Test
  void publishedLanguage_dependsOnNoService() {
    noClasses()
        .that()
        .resideInAPackage(Packages.API + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            Packages.RECORDER + "..", Packages.TIMELINE + "..", Packages.STANDALONE + "..")
        .allowEmptyShould(false)
        .check(classes);
  }

  @Test
  void writeSide_neverDependsOnTheReadSide() {
    noClasses()
        .that()
        .resideInAPackage(Packages.RECORDER + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(Packages.TIMELINE + "..")
        .allowEmptyShould(false)
        .check(classes);
  }

  @Test
  void readSide_knowsTheWriteSideOnlyThroughThePublishedLanguage() {
    noClasses()
        .that()
        .resideInAPackage(Packages.TIMELINE + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(Packages.RECORDER + "..")
        .allowEmptyShould(false)
        .check(classes);
  }

  @Test
  void auditLog_knowsNoOtherPart_itReadsTheEventTableItself() {
    noClasses()
        .that()
        .resideInAPackage(Packages.AUDIT + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            Packages.RECORDER + "..", Packages.TIMELINE + "..", Packages.STANDALONE + "..")
        .allowEmptyShould(false)
        .check(classes);
  }

  /**
   * Who may do what is the assembled application's concern (org.entente.standalone.security): the
   * parts read the caller from the servlet request's principal, so their own tests run without
   * credentials.
   */
  @Test
  void theParts_dependOnNoSpringSecurity() {
    noClasses()
        .that()
        .resideInAnyPackage(
            Packages.RECORDER + "..", Packages.TIMELINE + "..", Packages.AUDIT + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework.security..")
        .allowEmptyShould(false)
        .check(classes);
  }

  private static DescribedPredicate<JavaClass> resideIn(String rootPackage) {
    return JavaClass.Predicates.resideInAPackage(rootPackage + "..");
  }
}
