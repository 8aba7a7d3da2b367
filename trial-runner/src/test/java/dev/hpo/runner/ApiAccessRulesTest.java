package dev.hpo.runner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.hpo.runner.data.Cifar10Download;
import java.net.HttpURLConnection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The worker reaches the API only through the protocol's client: no class of this module speaks HTTP itself, but
 * the one that downloads a public dataset, which is not the API.
 */
class ApiAccessRulesTest {

    private static final JavaClasses RUNNER = new ClassFileImporter().importPath(Path.of("target", "classes"));

    static ArchRule httpOnlyThroughTheProtocolClient() {
        return noClasses().that().doNotBelongToAnyOf(Cifar10Download.class)
                .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                .orShould().dependOnClassesThat().areAssignableTo(HttpURLConnection.class)
                .because("the worker talks to the API through dev.hpo.protocol.client.ApiClient");
    }

    @Test
    void theWorkerSpeaksHttpOnlyThroughTheProtocolClient() {
        assertThat(RUNNER).isNotEmpty();
        httpOnlyThroughTheProtocolClient().check(RUNNER);
    }

    @Test
    void theRuleCatchesAClassThatSpeaksHttpItself() {
        JavaClasses offender = new ClassFileImporter().importClasses(OwnHttpClient.class);

        assertThatThrownBy(() -> httpOnlyThroughTheProtocolClient().check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(OwnHttpClient.class.getName());
    }

    /** A stand-in offender: a second HTTP client beside the protocol's. */
    static final class OwnHttpClient {
        final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    }
}
