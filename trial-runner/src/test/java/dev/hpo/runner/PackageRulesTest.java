package dev.hpo.runner;

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
 * The runner's packages layer without a cycle (data and engines below the worker and the commands), and its jar
 * ships no benchmark: the benchmarks module times the engines from outside.
 */
class PackageRulesTest {

    private static final JavaClasses RUNNER = new ClassFileImporter().importPath(Path.of("target", "classes"));

    /** Every package is a slice of its own, the module's root package included. */
    static ArchRule noPackageCycles() {
        return slices().matching("dev.hpo.(**)").should().beFreeOfCycles();
    }

    static ArchRule noBenchmarkCode() {
        return noClasses().should().resideInAPackage("dev.hpo.bench..")
                .orShould().haveSimpleNameEndingWith("Benchmark")
                .because("benchmarks live in the benchmarks module and never ship in the product");
    }

    @Test
    void packagesFormNoCycle() {
        assertThat(RUNNER).isNotEmpty();
        noPackageCycles().check(RUNNER);
    }

    @Test
    void theCycleRuleReportsAPlantedCycle() {
        JavaClasses planted = new ClassFileImporter().importPackages("dev.hpo.runner.cyclefixture");

        assertThatThrownBy(() -> noPackageCycles().check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");
    }

    @Test
    void noBenchmarkShipsInTheJar() {
        noBenchmarkCode().check(RUNNER);
    }

    @Test
    void theBenchmarkRuleReportsAPlantedBenchmark() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedBenchmark.class);

        assertThatThrownBy(() -> noBenchmarkCode().check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining(PlantedBenchmark.class.getName());
    }

    /** A stand-in offender: a benchmark among the runner's classes. */
    static final class PlantedBenchmark {
    }
}
