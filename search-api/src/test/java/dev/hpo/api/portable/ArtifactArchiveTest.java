package dev.hpo.api.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.api.ApiTest;
import dev.hpo.protocol.ArtifactReference;
import dev.hpo.protocol.Completion;
import dev.hpo.protocol.ProtocolJson;
import dev.hpo.protocol.StudyArchive;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.ApiException;
import dev.hpo.protocol.client.Checksums;
import dev.hpo.protocol.client.Retry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A study's kept files through the protocol's client: uploaded streamed, downloaded and checked, exported as
 * references and imported as such.
 */
@ApiTest
class ArtifactArchiveTest {

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

    @Test
    void anArchiveCarriesReferencesAndAnImportedStudyListsThemWithoutTheirBytes() throws Exception {
        ApiClient api = ApiClient.http(URI.create("http://127.0.0.1:" + port), Optional.empty(), Retry.never());
        String spec = FinishedStudy.spec("with-networks-" + System.nanoTime())
                .replace("\"seed\": 11", "\"seed\": 11, \"artifacts\": {\"keep\": 1}");
        long study = api.createStudy(spec).id();
        List<Suggestion> trials = api.suggest(study, Suggest.of("cpu-1", 2, "dl4j")).trials();
        Path network = Files.writeString(folder.resolve("network.zip"), "the weights of a network");
        String sha256 = Checksums.sha256(network);
        for (Suggestion trial : trials) {
            assertThat(trial.keepArtifacts()).isTrue();
            api.uploadArtifact(trial.id(), "cpu-1", "network.zip", network, sha256);
        }
        api.complete(trials.get(0).id(), Completion.of(Map.of("accuracy", 0.91), "cpu-1"));
        api.complete(trials.get(1).id(), Completion.of(Map.of("accuracy", 0.80), "cpu-1"));
        StudyView ended = api.stopStudy(study);

        Path copy = folder.resolve("copy.zip");
        assertThat(api.downloadArtifact(study, trials.get(0).id(), "network.zip", copy)).isEqualTo(sha256);
        assertThat(Files.readString(copy)).isEqualTo("the weights of a network");
        assertThat(api.artifacts(study, trials.get(1).id())).as("the worse configuration keeps nothing").isEmpty();
        String exported = api.exportStudy(ended.id());
        StudyArchive archive = ProtocolJson.read(exported.getBytes(StandardCharsets.UTF_8), StudyArchive.class);
        assertThat(archive.artifacts()).containsExactly(new ArtifactReference(trials.get(0).number(), "network.zip",
                (long) "the weights of a network".length(), sha256));

        StudyView imported = api.importStudy(exported);
        long importedTrial = api.allTrials(imported.id(), null).get((int) trials.get(0).number()).id();
        assertThat(api.artifacts(imported.id(), importedTrial)).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("network.zip");
            assertThat(a.sha256()).isEqualTo(sha256);
            assertThat(a.available()).isFalse();
        });
        Path none = folder.resolve("none.zip");
        assertThatThrownBy(() -> api.downloadArtifact(imported.id(), importedTrial, "network.zip", none))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.getMessage()).contains("not carried by the import");
                });
        assertThat(none).doesNotExist();
        assertThat(ProtocolJson.read(api.exportStudy(imported.id()).getBytes(StandardCharsets.UTF_8),
                StudyArchive.class).artifacts()).as("an imported study exports its references again")
                .isEqualTo(archive.artifacts());
    }
}
