package dev.hpo.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialEventParserTest {

    private final TrialEventParser parser = new TrialEventParser();

    @Test
    void aFinalLineMayNameTheFilesToKeep() {
        assertThat(parser.parse("{\"metrics\": {\"accuracy\": 0.9}, \"artifacts\": [\"/tmp/a/net.zip\", \"b.pt\"]}"))
                .contains(new TrialEvent.Finished(Map.of("accuracy", 0.9),
                        List.of(Path.of("/tmp/a/net.zip"), Path.of("b.pt"))));
        assertThat(parser.parse("{\"metrics\": {\"accuracy\": 0.9}}"))
                .contains(new TrialEvent.Finished(Map.of("accuracy", 0.9), List.of()));
    }

    @Test
    void filesThatAreNotAListOfPathsAreRefusedByName() {
        assertThatThrownBy(() -> parser.parse("{\"metrics\": {\"accuracy\": 0.9}, \"artifacts\": \"net.zip\"}"))
                .hasMessage("artifacts must be a list of file paths, got \"net.zip\"");
        assertThatThrownBy(() -> parser.parse("{\"metrics\": {\"accuracy\": 0.9}, \"artifacts\": [3]}"))
                .hasMessage("artifacts must be a list of file paths, got 3");
        assertThatThrownBy(() -> parser.parse("{\"metrics\": {\"accuracy\": 0.9}, \"artifacts\": [\" \"]}"))
                .hasMessageStartingWith("artifacts must be a list of file paths");
    }
}
