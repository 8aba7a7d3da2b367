package dev.hpo.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CLI talks to the search API over HTTP only: it shares the domain types of search-space, never the server's
 * classes, its framework, or the trainer's, so it starts in a fraction of a second and runs on any machine.
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

    @Test
    void theCliImportsNeitherTheServerNorItsFrameworks() {
        assertThat(CLI).isNotEmpty();
        mayNotDependOn(FORBIDDEN).check(CLI);
    }

    @Test
    void theRuleCatchesAViolation() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesJdkHttpServer.class);

        assertThatThrownBy(() -> mayNotDependOn("com.sun.net.httpserver..").check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(UsesJdkHttpServer.class.getName());
    }

    /** A stand-in offender: a CLI class reaching for a server, checked with a package every JDK has. */
    static final class UsesJdkHttpServer {
        final Class<?> server = com.sun.net.httpserver.HttpServer.class;
    }
}
