package dev.hpo.reliability;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The suite's packages layer without a cycle: the contracts and the fuzzing on top, the support they share (the
 * launched API, the databases, the protocol workers) below, knowing none of them.
 */
class PackageRulesTest {

    /** This module has test classes only; the planted cycle among them is left out, and checked on its own. */
    private static final JavaClasses SUITE = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/cyclefixture/"))
            .importPath(Path.of("target", "test-classes"));

    /** Every package is a slice of its own, the module's root package included. */
    static ArchRule noPackageCycles() {
        return slices().matching("dev.hpo.(**)").should().beFreeOfCycles();
    }

    @Test
    void packagesFormNoCycle() {
        assertThat(SUITE).isNotEmpty();
        assertThat(SUITE.containPackage("dev.hpo.reliability.cyclefixture.a")).isFalse();
        noPackageCycles().check(SUITE);
    }

    @Test
    void theCycleRuleReportsAPlantedCycle() {
        JavaClasses planted = new ClassFileImporter().importPackages("dev.hpo.reliability.cyclefixture");

        assertThatThrownBy(() -> noPackageCycles().check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");
    }
}
