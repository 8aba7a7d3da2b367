package dev.hpo.api.optimizer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class OptimizerDependencyRulesTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hpo.api");

    @Test
    void jeneticsStaysInsideTheOptimizer() {
        noClasses().that().resideOutsideOfPackage("dev.hpo.api.optimizer..")
                .should().dependOnClassesThat().resideInAPackage("io.jenetics..")
                .check(API);
    }

    @Test
    void searchAlgorithmsKnowNothingOfStudies() {
        noClasses().that().resideInAnyPackage("dev.hpo.api.optimizer.core..", "dev.hpo.api.optimizer.evolution..",
                        "dev.hpo.api.optimizer.grid..", "dev.hpo.api.optimizer.pareto..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hpo.study..", "org.springframework..")
                .check(API);
    }
}
