package dev.hpo.api.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"network.zip", "model.pt", "a b.json", "réseau.zip", "..hidden", "x"})
    void plainFileNamesPass(String name) {
        assertThat(ArtifactName.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../x", "a/b", "a\\b", "..\\x", "/etc/passwd", "net\n.zip", "tab\t",
            "del\u007f"})
    void namesThatCouldLeaveTheStoreOrHideCharactersAreRefused(String name) {
        assertThat(ArtifactName.problem(name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 256})
    void namesAreAtMost255Characters(int length) {
        assertThat(ArtifactName.problem("n".repeat(length)).isPresent()).isEqualTo(length > 255);
    }
}
