package dev.hpo.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DependencyRulesTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hpo.api");

    /** Everything the service's jar holds, the database migrations included. */
    private static final JavaClasses JAR = new ClassFileImporter().importPath(Path.of("target", "classes"));

    static ArchRule noBenchmarkCode() {
        return noClasses().should().resideInAPackage("dev.hpo.bench..")
                .orShould().haveSimpleNameEndingWith("Benchmark")
                .because("benchmarks live in the benchmarks module and never ship in the product");
    }

    /** The search, early stopping and ranking are the optimizer module's; the service only calls them. */
    @Test
    void jeneticsStaysInTheOptimizerModule() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.jenetics..")
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

    /**
     * The dashboard reads trials and measurements through the trial store, as every other reader does: it holds no
     * JDBC of its own, so it cannot issue SQL against their tables.
     */
    static ArchRule readsThroughTheStores(String dashboardPackage) {
        return noClasses().that().resideInAPackage(dashboardPackage)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                        "jakarta.persistence..");
    }

    @Test
    void theDashboardIssuesNoSqlOfItsOwn() {
        readsThroughTheStores("dev.hpo.api.dashboard..").check(API);
    }

    @Test
    void theStoreRuleReportsTheTestSeedersOwnSql() {
        // The browser tests' seeder writes rows with JDBC on purpose; the rule must see it.
        JavaClasses seeder = new ClassFileImporter().importPackages("dev.hpo.api.dashboard");
        assertThatThrownBy(() -> readsThroughTheStores("dev.hpo.api.dashboard..").check(seeder))
                .isInstanceOf(AssertionError.class).hasMessageContaining("StudySeeder");
    }

    @Test
    void entitiesNeverLeaveTheServiceThroughAController() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat(resideInAPackage("dev.hpo..").and(
                        simpleNameEndingWith("Entity").or(simpleNameEndingWith("Repository"))))
                .check(API);
    }

    @Test
    void noBenchmarkShipsInTheJar() {
        assertThat(JAR).isNotEmpty();
        noBenchmarkCode().check(JAR);
    }

    @Test
    void theBenchmarkRuleReportsAPlantedBenchmark() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedBenchmark.class);

        assertThatThrownBy(() -> noBenchmarkCode().check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining(PlantedBenchmark.class.getName());
    }

    /** A stand-in offender: a benchmark among the service's classes. */
    static final class PlantedBenchmark {
    }
}
