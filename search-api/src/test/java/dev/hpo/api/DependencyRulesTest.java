package dev.hpo.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
    void entitiesNeverLeaveTheServiceThroughAController() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class)
                .orShould().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
                .check(API);
    }
}
