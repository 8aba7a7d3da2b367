package dev.hpo.bench.rules;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks layer without a cycle: the shared options at the bottom, one package per benchmark above them, the
 * command that dispatches to them on top.
 */
class BenchmarkDependencyRulesTest {

    private static final JavaClasses BENCHMARKS = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void packagesFormNoCycle() {
        assertThat(BENCHMARKS).isNotEmpty();
        slices().matching("dev.hpo.bench.(*)..").should().beFreeOfCycles().check(BENCHMARKS);
        // What every benchmark shares sits above them all and knows none of them.
        noClasses().that().resideInAPackage("dev.hpo.bench")
                .should().dependOnClassesThat().resideInAPackage("dev.hpo.bench.*..")
                .check(BENCHMARKS);
    }

    @Test
    void benchmarksDoNotKnowEachOther() {
        slices().matching("dev.hpo.bench.(*)..").should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage("dev.hpo.bench.cli"), alwaysTrue())
                .check(BENCHMARKS);
    }

    @Test
    void theLcBenchSuiteRestsOnAProblemAndAWorkerThatKnowNeitherItNorEachOther() {
        noClasses().that().resideInAnyPackage("dev.hpo.bench.optimizer.lcbench..", "dev.hpo.bench.optimizer.fidelity..")
                .should().dependOnClassesThat().resideInAPackage("dev.hpo.bench.optimizer")
                .check(BENCHMARKS);
        noClasses().that().resideInAPackage("dev.hpo.bench.optimizer.lcbench..")
                .should().dependOnClassesThat().resideInAPackage("dev.hpo.bench.optimizer.fidelity..")
                .check(BENCHMARKS);
        noClasses().that().resideInAPackage("dev.hpo.bench.optimizer.fidelity..")
                .should().dependOnClassesThat().resideInAPackage("dev.hpo.bench.optimizer.lcbench..")
                .check(BENCHMARKS);
    }
}
