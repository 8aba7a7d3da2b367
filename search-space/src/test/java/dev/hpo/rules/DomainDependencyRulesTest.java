package dev.hpo.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * search-space is the domain every other module shares, so it stays free of frameworks: the API may use Spring
 * and JPA, the optimizer Jenetics, the worker DL4J, and none of them leaks back into the study, trial or
 * architecture types.
 */
class DomainDependencyRulesTest {

    static final String[] FRAMEWORKS = {
        "org.springframework..", "jakarta.persistence..", "javax.persistence..", "org.hibernate..",
        "org.deeplearning4j..", "org.nd4j..", "io.jenetics.."};

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .importPath(Path.of("target", "classes"));

    /** No class may depend on any class of the given packages. */
    static ArchRule mayNotDependOn(String... packages) {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(packages)
                .because("search-space is the framework-free domain the API, the worker and the CLI share");
    }

    static ArchRule noBenchmarkCode() {
        return noClasses().should().resideInAPackage("dev.hpo.bench..")
                .orShould().haveSimpleNameEndingWith("Benchmark")
                .because("benchmarks live in the benchmarks module and never ship in the product");
    }

    @Test
    void theDomainImportsNoFramework() {
        assertThat(DOMAIN).isNotEmpty();
        mayNotDependOn(FRAMEWORKS).check(DOMAIN);
    }

    @Test
    void theRuleCatchesAViolation() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesJdkLogging.class);

        assertThatThrownBy(() -> mayNotDependOn("java.util.logging..").check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(UsesJdkLogging.class.getName());
    }

    @Test
    void theArchitectureAndSearchSpacePackagesStandAlone() {
        noClasses().that().resideInAnyPackage("dev.hpo.arch..", "dev.hpo.space..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hpo.study..", "dev.hpo.trial..")
                .check(DOMAIN);
        noClasses().that().resideInAPackage("dev.hpo.arch..")
                .should().dependOnClassesThat().resideInAPackage("dev.hpo.space..")
                .check(DOMAIN);
        // A trial runs a configuration of a search space, so the trial package may name one; never a study spec.
        noClasses().that().resideInAPackage("dev.hpo.trial..")
                .should().dependOnClassesThat().resideInAPackage("dev.hpo.study..")
                .check(DOMAIN);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.hpo.(*)..").should().beFreeOfCycles().check(DOMAIN);
    }

    @Test
    void noBenchmarkShipsInTheJar() {
        noBenchmarkCode().check(DOMAIN);
    }

    @Test
    void theBenchmarkRuleReportsAPlantedBenchmark() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedBenchmark.class);

        assertThatThrownBy(() -> noBenchmarkCode().check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining(PlantedBenchmark.class.getName());
    }

    /** A stand-in offender: a benchmark among the domain's classes. */
    static final class PlantedBenchmark {
    }

    /** A stand-in offender: the rule is checked on it with a package every JDK has. */
    static final class UsesJdkLogging {
        final java.util.logging.Logger log = java.util.logging.Logger.getLogger("x");
    }
}
