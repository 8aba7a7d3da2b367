package dev.hpo.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.hpo.cli.local.FashionMnistFiles;
import java.net.HttpURLConnection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CLI talks to the search API over HTTP only, through the protocol's client: it shares the domain types of
 * search-space and the protocol's records, never the server's classes, its framework, or the trainer's, so it
 * starts in a fraction of a second and runs on any machine. Its packages form no cycle, and it ships no benchmark.
 */
class CliDependencyRulesTest {

    static final String[] FORBIDDEN = {
        "dev.hpo.api..", "dev.hpo.runner..", "org.springframework..", "jakarta.persistence..",
        "org.deeplearning4j..", "org.nd4j..", "io.jenetics.."};

    private static final JavaClasses CLI = new ClassFileImporter()
            .importPath(Path.of("target", "classes"));

    static ArchRule mayNotDependOn(String... packages) {
        return noClasses().that().resideInAPackage("dev.hpo.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(packages)
                .because("the CLI reaches the server over HTTP only");
    }

    /** The dataset download fetches public files, not the API, so it is the one class that speaks HTTP itself. */
    static ArchRule httpOnlyThroughTheProtocolClient() {
        return noClasses().that().resideInAPackage("dev.hpo.cli..").and().doNotBelongToAnyOf(FashionMnistFiles.class)
                .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                .orShould().dependOnClassesThat().areAssignableTo(HttpURLConnection.class)
                .because("the CLI talks to the API through dev.hpo.protocol.client.ApiClient");
    }

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
    void theCliImportsNeitherTheServerNorItsFrameworks() {
        assertThat(CLI).isNotEmpty();
        mayNotDependOn(FORBIDDEN).check(CLI);
    }

    @Test
    void theCliSpeaksHttpOnlyThroughTheProtocolClient() {
        httpOnlyThroughTheProtocolClient().check(CLI);
    }

    @Test
    void theRulesCatchAViolation() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesJdkHttp.class);

        assertThatThrownBy(() -> mayNotDependOn("com.sun.net.httpserver..").check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(UsesJdkHttp.class.getName());
        assertThatThrownBy(() -> httpOnlyThroughTheProtocolClient().check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(UsesJdkHttp.class.getName());
    }

    @Test
    void packagesFormNoCycle() {
        noPackageCycles().check(CLI);
    }

    @Test
    void theCycleRuleReportsAPlantedCycle() {
        JavaClasses planted = new ClassFileImporter().importPackages("dev.hpo.cli.cyclefixture");

        assertThatThrownBy(() -> noPackageCycles().check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");
    }

    @Test
    void noBenchmarkShipsInTheJar() {
        noBenchmarkCode().check(CLI);
    }

    @Test
    void theBenchmarkRuleReportsAPlantedBenchmark() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedBenchmark.class);

        assertThatThrownBy(() -> noBenchmarkCode().check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining(PlantedBenchmark.class.getName());
    }

    /** A stand-in offender: a benchmark among the CLI's classes. */
    static final class PlantedBenchmark {
    }

    /** A stand-in offender: a CLI class with a server of its own and a second HTTP client. */
    static final class UsesJdkHttp {
        final Class<?> server = com.sun.net.httpserver.HttpServer.class;
        final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    }
}
