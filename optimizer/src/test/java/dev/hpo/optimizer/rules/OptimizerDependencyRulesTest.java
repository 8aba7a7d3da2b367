package dev.hpo.optimizer.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.hpo.optimizer.rules.planted.egg.Egg;
import dev.hpo.optimizer.rules.planted.hen.Hen;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The optimizer is the search and its ranking, nothing else: the service, the benchmarks and the tests run the same
 * classes, so none of them may bring a web, persistence or JSON framework along, and its packages layer without a
 * cycle (the algorithms' core at the bottom, the study-level entry points on top).
 */
class OptimizerDependencyRulesTest {

    static final String[] FRAMEWORKS = {
        "org.springframework..", "jakarta.persistence..", "javax.persistence..", "org.hibernate..",
        "jakarta.servlet..", "javax.servlet..", "com.fasterxml.jackson.."};

    private static final JavaClasses OPTIMIZER = new ClassFileImporter().importPath(Path.of("target", "classes"));

    static ArchRule mayNotDependOn(String... packages) {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(packages)
                .because("the optimizer is framework-free: the service, the benchmarks and tests share it");
    }

    static ArchRule noBenchmarkCode() {
        return noClasses().should().resideInAPackage("dev.hpo.bench..")
                .orShould().haveSimpleNameEndingWith("Benchmark")
                .because("benchmarks live in the benchmarks module and never ship in the product");
    }

    @Test
    void theOptimizerImportsNoFramework() {
        assertThat(OPTIMIZER).isNotEmpty();
        mayNotDependOn(FRAMEWORKS).check(OPTIMIZER);
    }

    @Test
    void theRuleCatchesAViolation() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesJdkLogging.class);

        assertThatThrownBy(() -> mayNotDependOn("java.util.logging..").check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(UsesJdkLogging.class.getName());
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.hpo.optimizer.(*)..").should().beFreeOfCycles().check(OPTIMIZER);
        // The study-level entry points use every algorithm; no algorithm uses them.
        noClasses().that().resideInAnyPackage("dev.hpo.optimizer.*..")
                .should().dependOnClassesThat().resideInAPackage("dev.hpo.optimizer")
                .check(OPTIMIZER);
    }

    @Test
    void theCycleRuleCatchesACycle() {
        JavaClasses offender = new ClassFileImporter().importClasses(Hen.class, Egg.class);

        assertThatThrownBy(() -> slices().matching("dev.hpo.optimizer.rules.planted.(*)..").should()
                .beFreeOfCycles().check(offender)).isInstanceOf(AssertionError.class);
    }

    @Test
    void algorithmsAndRulesSeeASearchProblemOrTrialsNeverAStudySpec() {
        noClasses().that().resideInAnyPackage("dev.hpo.optimizer.core..", "dev.hpo.optimizer.evolution..",
                        "dev.hpo.optimizer.grid..", "dev.hpo.optimizer.pareto..", "dev.hpo.optimizer.pruning..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.hpo.study.StudySpec")
                .check(OPTIMIZER);
    }

    @Test
    void noBenchmarkShipsInTheJar() {
        noBenchmarkCode().check(OPTIMIZER);
    }

    @Test
    void theBenchmarkRuleReportsAPlantedBenchmark() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedBenchmark.class);

        assertThatThrownBy(() -> noBenchmarkCode().check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining(PlantedBenchmark.class.getName());
    }

    /** A stand-in offender: a benchmark among the optimizer's classes. */
    static final class PlantedBenchmark {
    }

    /** A stand-in offender: the rule is checked on it with a package every JDK has. */
    static final class UsesJdkLogging {
        final java.util.logging.Logger log = java.util.logging.Logger.getLogger("x");
    }
}
