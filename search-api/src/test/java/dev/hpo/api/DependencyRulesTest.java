package dev.hpo.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hpo.api.optimizer.Pruner;
import dev.hpo.api.optimizer.Sampler;
import org.junit.jupiter.api.Test;

class DependencyRulesTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hpo.api");

    @Test
    void samplersAndPrunersArePureAlgorithms() {
        classes().that().implement(Sampler.class).or().implement(Pruner.class)
                .should().onlyDependOnClassesThat().resideOutsideOfPackages(
                        "org.springframework..", "jakarta.persistence..", "dev.hpo.api.study..", "dev.hpo.api.trial..")
                .check(API);
    }

    @Test
    void theOptimizerNeverSeesEntitiesOrRepositories() {
        noClasses().that().resideInAPackage("dev.hpo.api.optimizer..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hpo.api.study..", "dev.hpo.api.trial..",
                        "jakarta.persistence..", "org.springframework.data..")
                .check(API);
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("dev.hpo.api.(*)..").should().beFreeOfCycles().check(API);
    }

    @Test
    void theCycleRuleReportsAPlantedCycle() {
        JavaClasses planted = new ClassFileImporter().importPackages("dev.hpo.api.cyclefixture");
        assertThatThrownBy(() -> slices().matching("dev.hpo.api.cyclefixture.(*)..").should().beFreeOfCycles()
                .check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");
    }

    @Test
    void entitiesNeverLeaveTheServiceThroughAController() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat(resideInAPackage("dev.hpo..").and(
                        simpleNameEndingWith("Entity").or(simpleNameEndingWith("Repository"))))
                .check(API);
    }
}
