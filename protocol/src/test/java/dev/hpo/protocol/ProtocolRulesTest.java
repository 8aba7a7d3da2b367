package dev.hpo.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.hpo.protocol.client.JdkHttpTransport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The protocol module is what both sides of the wire share, so it stays small and framework-free: the records know
 * nothing of the client, only one class speaks HTTP, and no package cycle forms.
 */
class ProtocolRulesTest {

    private static final JavaClasses PROTOCOL = new ClassFileImporter().importPath(Path.of("target", "classes"));

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
        assertThat(PROTOCOL).isNotEmpty();
        noPackageCycles().check(PROTOCOL);
    }

    @Test
    void theCycleRuleCatchesACycle() {
        JavaClasses offender = new ClassFileImporter().importPackages("dev.hpo.protocol.cycle");

        assertThatThrownBy(() -> noPackageCycles().check(offender)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void theRecordsKnowNothingOfTheClient() {
        noClasses().that().resideInAPackage("dev.hpo.protocol")
                .should().dependOnClassesThat().resideInAPackage("dev.hpo.protocol.client..")
                .check(PROTOCOL);
    }

    @Test
    void onlyTheJdkTransportSpeaksHttp() {
        noClasses().that().doNotBelongToAnyOf(JdkHttpTransport.class)
                .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                .check(PROTOCOL);
        assertThat(PROTOCOL.get(JdkHttpTransport.class).getDirectDependenciesFromSelf())
                .anyMatch(d -> d.getTargetClass().getPackageName().equals("java.net.http"));
    }

    @Test
    void noFrameworkReachesTheProtocol() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                        "jakarta.persistence..", "org.hibernate..", "io.jenetics..", "org.deeplearning4j..", "org.nd4j..")
                .check(PROTOCOL);
    }

    @Test
    void noBenchmarkShipsInTheJar() {
        noBenchmarkCode().check(PROTOCOL);
    }

    @Test
    void theBenchmarkRuleReportsAPlantedBenchmark() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedBenchmark.class);

        assertThatThrownBy(() -> noBenchmarkCode().check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining(PlantedBenchmark.class.getName());
    }

    /** A stand-in offender: a benchmark among the protocol's classes. */
    static final class PlantedBenchmark {
    }
}
