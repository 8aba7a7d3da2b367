package dev.hpo.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CLI talks to the API over HTTP and starts local services as processes; it never links their code. */
class DependencyRulesTest {

    private final JavaClasses cli = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hpo.cli");

    @Test
    void theCliUsesNeitherTheServerNorTheTrainer() {
        noClasses().that().resideInAPackage("dev.hpo.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hpo.api..", "dev.hpo.runner..",
                        "org.springframework..", "org.deeplearning4j..", "org.nd4j..", "jakarta.persistence..")
                .check(cli);
    }
}
