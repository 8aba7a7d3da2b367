package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.arch.CostModel;
import dev.hpo.space.Configuration;
import dev.hpo.trial.TrialPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

        assertThat(names).contains("fashion-mnist-haet.json", "fashion-mnist-pareto.json", "cifar10-haet.json",
                "fashion-mnist-demo.json");
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

    @ParameterizedTest
    @MethodSource("examples")
    void everyCornerOfEveryExamplesSpaceResolvesToATrialPlan(Path file) throws IOException {
        StudySpec spec = StudySpecParser.parse(Files.readString(file));
        int d = spec.searchSpace().dimensions();

        for (double corner : new double[] {0, 0.5, 1}) {
            double[] point = new double[d];
            Arrays.fill(point, corner);
            Configuration c = spec.searchSpace().decode(point);
            for (int r = 0; r < spec.trialSettings().repeats(); r++) {
                TrialPlan plan = TrialPlans.resolve(spec, c, r);
                assertThat(CostModel.of(plan.architecture()).macs()).isPositive();
            }
        }
    }
}
