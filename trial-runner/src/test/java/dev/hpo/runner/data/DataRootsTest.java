package dev.hpo.runner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset folders named by a spec, judged on real folders and links against a worker's data roots. */
class DataRootsTest {

    @TempDir
    Path temp;

    private Path data;
    private Path more;
    private Path outside;
    private DataRoots roots;

    @BeforeEach
    void folders() throws IOException {
        data = Files.createDirectories(temp.resolve("data"));
        more = Files.createDirectories(temp.resolve("more"));
        outside = Files.createDirectories(temp.resolve("secret"));
        Files.createDirectories(data.resolve("fmnist"));
        Files.createDirectories(more.resolve("mini-imagenet/train"));
        roots = new DataRoots(List.of(data, more));
    }

    @Test
    void anAbsoluteFolderInsideARootIsFoundWhereItReallyIs() throws IOException {
        assertThat(roots.resolve(data.resolve("fmnist").toString())).isEqualTo(data.resolve("fmnist").toRealPath());
        assertThat(roots.resolve(more.resolve("mini-imagenet/train").toString()))
                .isEqualTo(more.resolve("mini-imagenet/train").toRealPath());
    }

    @Test
    void aRelativeFolderIsLookedForInEachRootInTurn() throws IOException {
        assertThat(roots.resolve("fmnist")).isEqualTo(data.resolve("fmnist").toRealPath());
        assertThat(roots.resolve("mini-imagenet/train")).isEqualTo(more.resolve("mini-imagenet/train").toRealPath());
    }

    @Test
    void anAbsoluteFolderOutsideEveryRootIsRefusedNamingTheField() {
        assertThatThrownBy(() -> roots.resolve(outside.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("trialSettings.dataset.directory: " + outside + " is outside this worker's"
                        + " data roots (" + data + ", " + more + ")")
                .hasMessageContaining("--data-root");
        assertThatThrownBy(() -> roots.resolve("/etc")).hasMessageContaining("/etc is outside");
    }

    @Test
    void aFolderOutsideTheRootsIsRefusedAlikeWhetherOrNotItExists() {
        assertThatThrownBy(() -> roots.resolve(outside.resolve("missing").toString()))
                .hasMessageContaining("missing is outside this worker's data roots");
    }

    @Test
    void climbingOutOfARootByNameIsRefused() {
        assertThatThrownBy(() -> roots.resolve(data.resolve("../secret").toString()))
                .hasMessageContaining("is outside this worker's data roots");
    }

    @Test
    void aLinkInsideARootThatPointsOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(data.resolve("escape"), outside);

        assertThatThrownBy(() -> roots.resolve(data.resolve("escape").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("trialSettings.dataset.directory: " + data.resolve("escape") + " is really "
                        + outside.toRealPath() + ", outside this worker's data roots");
        assertThatThrownBy(() -> roots.resolve("escape"))
                .hasMessageStartingWith("trialSettings.dataset.directory: escape under " + data.toRealPath()
                        + " is really " + outside.toRealPath());
    }

    @Test
    void aLinkBetweenTwoRootsStaysInside() throws IOException {
        Files.createSymbolicLink(data.resolve("shared"), more.resolve("mini-imagenet"));

        assertThat(roots.resolve("shared/train")).isEqualTo(more.resolve("mini-imagenet/train").toRealPath());
    }

    @Test
    void aRootThatIsItselfALinkHoldsWhatItPointsTo() throws IOException {
        Path linked = Files.createSymbolicLink(temp.resolve("datasets"), data);
        DataRoots throughLink = new DataRoots(List.of(linked));

        assertThat(throughLink.resolve(linked.resolve("fmnist").toString()))
                .isEqualTo(data.resolve("fmnist").toRealPath());
        assertThat(throughLink.resolve("fmnist")).isEqualTo(data.resolve("fmnist").toRealPath());
    }

    @Test
    void aFolderInNoRootIsRefused() {
        assertThatThrownBy(() -> roots.resolve("cifar10"))
                .hasMessage("trialSettings.dataset.directory: cifar10 is in none of this worker's data roots ("
                        + data + ", " + more + ")");
        assertThatThrownBy(() -> roots.resolve(data.resolve("cifar10").toString()))
                .hasMessage("trialSettings.dataset.directory: " + data.resolve("cifar10") + " does not exist");
    }

    @Test
    void aMissingRootHoldsNothing() {
        DataRoots missing = new DataRoots(List.of(temp.resolve("absent"), data));

        assertThat(missing.resolve("fmnist")).isNotNull();
        assertThatThrownBy(() -> missing.resolve(temp.resolve("absent/x").toString()))
                .hasMessageContaining("does not exist");
    }

    @Test
    void theDefaultsAreTheWorkersOwnDataDirectoryAndTheSystemsDatasets() {
        assertThat(DataRoots.defaults().roots()).containsExactly(
                Path.of(System.getProperty("user.home"), ".hpo", "datasets"), Path.of("/usr/share/datasets"));
    }
}
