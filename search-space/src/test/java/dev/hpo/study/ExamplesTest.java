package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every study spec shipped under {@code examples/} parses and survives a write-and-read round trip. */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void theExamplesFolderHoldsTheDocumentedStudies() throws IOException {
        List<String> names = examples().map(p -> p.getFileName().toString()).toList();

        assertThat(names).contains("fashion-mnist-haet.json");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleParsesAndRoundTrips(Path file) throws IOException {
        StudySpec spec;
        try {
            spec = StudySpecParser.parse(Files.readString(file));
        } catch (InvalidSpecException e) {
            throw new AssertionError(file + " is invalid: " + e.errors(), e);
        }

        assertThat(file.getFileName().toString()).isEqualTo(spec.name() + ".json");
        assertThat(StudySpecParser.parse(StudySpecWriter.toJson(spec))).isEqualTo(spec);
    }
}
