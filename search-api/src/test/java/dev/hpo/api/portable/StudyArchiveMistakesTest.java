package dev.hpo.api.portable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.api.ApiTest;
import dev.hpo.protocol.Problem;
import dev.hpo.protocol.ProtocolJson;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.Retry;
import dev.hpo.protocol.client.Transport;
import dev.hpo.study.FieldError;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A bad archive is refused with 400, every problem named by its path in the document, and nothing is stored. */
@ApiTest
class StudyArchiveMistakesTest {

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    ApiClient api;
    String archive;

    @BeforeEach
    void anArchive() {
        api = ApiClient.http(URI.create("http://127.0.0.1:" + port), Optional.empty(), Retry.never());
        archive = api.exportStudy(FinishedStudy.run(api, "mistaken-" + System.nanoTime()).id());
    }

    @Test
    void aFormatVersionThisServiceDoesNotReadIsNamed() {
        assertRefused(a -> a.put("formatVersion", 3), "formatVersion",
                "must be one of [1, 2], the versions this service reads, got 3");
        assertRefused(a -> a.remove("formatVersion"), "formatVersion",
                "is required; this service reads versions [1, 2]");
    }

    @Test
    void theConfirmationFlagIsRequiredInVersion2AndUnknownToVersion1() {
        assertRefused(a -> trial(a, 1).remove("confirmation"), "trials[1].confirmation", "is required");
        assertThat(refused(a -> a.put("formatVersion", 1))).contains(new FieldError("trials[0].confirmation",
                "is not part of format version 1; write formatVersion 2"));
    }

    @Test
    void aVersion1ArchiveWithoutTheFlagIsRead() throws Exception {
        ObjectNode version1 = (ObjectNode) json.readTree(archive);
        version1.put("formatVersion", 1);
        version1.withArray("trials").forEach(t -> ((ObjectNode) t).remove("confirmation"));

        Transport.Response answer = api.raw("POST", "api/studies/import", version1.toString());

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    }

    @Test
    void anUnknownTrialStateIsNamed() {
        List<FieldError> errors = refused(a -> trial(a, 1).put("state", "LOST"));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("trials[1].state");
            assertThat(e.message()).contains("COMPLETE").contains("\"LOST\"");
        });
    }

    @Test
    void aTrialThatHasNotFinishedIsNamed() {
        assertRefused(a -> trial(a, 2).put("state", "RUNNING"), "trials[2].state",
                "must be COMPLETE, FAILED, PRUNED or STOPPED: an archive holds finished trials, got RUNNING");
        assertRefused(a -> ((ObjectNode) a.get("study")).put("state", "RUNNING"), "study.state",
                "must be COMPLETED or STOPPED: an archive holds a finished study, got RUNNING");
    }

    @Test
    void measurementsOfATrialNotInTheArchiveAreNamed() {
        assertRefused(a -> ((ObjectNode) a.withArray("measurements").get(3)).put("trialNumber", 99),
                "measurements[3].trialNumber", "no trial numbered 99 in the archive");
        assertRefused(a -> ((ObjectNode) a.withArray("measurements").get(0)).put("attempt", 3),
                "measurements[0].attempt", "must be in [1, 1], the attempts of trial 0, got 3");
    }

    @Test
    void aDuplicateTrialNumberIsNamed() {
        assertThat(refused(a -> trial(a, 3).put("number", 1)))
                .contains(new FieldError("trials[3].number", "trial 1 appears twice, first as trials[1]"));
    }

    @Test
    void aSpecTheServiceWouldNotCreateIsNamedInsideTheStudy() {
        assertRefused(a -> ((ObjectNode) a.get("study").get("spec")).put("seed", "seven"), "study.spec.seed", null);
    }

    @Test
    void parametersOutsideTheSearchSpaceAndUnknownFieldsAreNamed() {
        assertRefused(a -> ((ObjectNode) trial(a, 0).get("parameters")).put("batch", 4096),
                "trials[0].parameters.batch", null);
        assertRefused(a -> trial(a, 0).put("colour", "blue"), "trials[0].colour", "is not a known field");
    }

    @Test
    void artifactReferencesAreChecked() {
        assertRefused(a -> a.withArray("artifacts").addObject().put("trialNumber", 0).put("name", "../net.zip")
                .put("sizeBytes", 10).put("sha256", "0".repeat(64)), "artifacts[0].name", null);
        assertRefused(a -> {
            a.withArray("artifacts").addObject().put("trialNumber", 0).put("name", "net.zip")
                    .put("sizeBytes", 10).put("sha256", "0".repeat(64));
            a.withArray("artifacts").addObject().put("trialNumber", 0).put("name", "net.zip")
                    .put("sizeBytes", 11).put("sha256", "1".repeat(64));
        }, "artifacts[1].name", "trial 0 has another artifact named \"net.zip\"");
        assertRefused(a -> a.withArray("artifacts").addObject().put("trialNumber", 9).put("name", "net.zip")
                .put("sizeBytes", 10).put("sha256", "0".repeat(64)), "artifacts[0].trialNumber", null);
        assertRefused(a -> a.withArray("artifacts").addObject().put("trialNumber", 0).put("name", "net.zip")
                .put("sizeBytes", 10).put("sha256", "XYZ"), "artifacts[0].sha256", null);
    }

    /** Sends the archive changed by {@code change}; asserts that one problem, at {@code path}, is reported. */
    private void assertRefused(Consumer<ObjectNode> change, String path, String message) {
        List<FieldError> errors = refused(change);
        assertThat(errors).as(errors.toString()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo(path);
            if (message != null) {
                assertThat(e.message()).isEqualTo(message);
            }
        });
    }

    /** Sends the archive changed by {@code change}, which must be refused with 400 and leave no study behind. */
    private List<FieldError> refused(Consumer<ObjectNode> change) {
        List<StudyView> before = api.studies();
        ObjectNode changed;
        try {
            changed = (ObjectNode) json.readTree(archive);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        change.accept(changed);
        Transport.Response answer = api.raw("POST", "api/studies/import", changed.toString());
        Problem problem;
        try {
            problem = ProtocolJson.read(answer.body(), Problem.class);
        } catch (Exception e) {
            throw new AssertionError(answer.text(), e);
        }
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(api.studies()).as("nothing stored").hasSameSizeAs(before);
        return problem.errors();
    }

    private static ObjectNode trial(ObjectNode archive, int index) {
        return (ObjectNode) ((ArrayNode) archive.get("trials")).get(index);
    }
}
