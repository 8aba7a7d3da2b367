package dev.hpo.study;

import static dev.hpo.study.StudySpecParserTest.errors;
import static dev.hpo.study.StudySpecParserTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.trial.Measurement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A study's fidelity: what a trial's progress is counted in, and its budget. */
class FidelitySpecTest {

    /** A study trained by its own script, with {@code fidelity} as given. */
    private static Consumer<ObjectNode> customTrial(Consumer<ObjectNode> fidelity) {
        return s -> {
            ((ObjectNode) s.get("trialSettings")).remove(List.of("model", "dataset", "training"));
            fidelity.accept(s.putObject("fidelity"));
        };
    }

    @Test
    void withoutAFidelityProgressIsSecondsAgainstTheTimeCap() {
        StudySpec spec = parse(s -> { });

        assertThat(spec.fidelity()).isEqualTo(new Fidelity(FidelityUnit.SECONDS, 90));
        assertThat(parse(customTrial(f -> f.put("unit", "seconds"))).fidelity()).isEqualTo(spec.fidelity());
    }

    @Test
    void readsABudgetInStepsAsTheIssueWritesIt() {
        StudySpec spec = parse(customTrial(f -> f.put("unit", "steps").put("max", 52)));

        assertThat(spec.fidelity()).isEqualTo(Fidelity.steps(52));
        assertThat(StudySpecParser.parse(StudySpecWriter.toJson(spec))).isEqualTo(spec);
        assertThat(StudySpecWriter.toTree(spec).get("fidelity").toString()).isEqualTo("{\"unit\":\"STEPS\",\"max\":52}");
    }

    @Test
    void reportsEveryProblemOfAFidelityWithItsPath() {
        assertThat(errors(customTrial(f -> f.put("unit", "epochs")))).containsExactly(
                new FieldError("fidelity.unit", "must be SECONDS or STEPS, got \"epochs\""));
        assertThat(errors(customTrial(f -> f.put("unit", "steps")))).containsExactly(
                new FieldError("fidelity.max", "is required"));
        assertThat(errors(customTrial(f -> f.put("unit", "steps").put("max", 0.5)))).containsExactly(
                new FieldError("fidelity.max", "must be an integer, got 0.5"));
        assertThat(errors(customTrial(f -> f.put("unit", "seconds").put("max", 60)))).containsExactly(
                new FieldError("fidelity.max", "the budget in seconds is trialSettings.timeCap; leave max out"));
        assertThat(errors(customTrial(f -> f.put("max", 60).put("rate", 1)))).extracting(FieldError::path)
                .containsExactly("fidelity.rate", "fidelity.unit");
        assertThat(errors(s -> s.putObject("fidelity").put("unit", "steps").put("max", 52))).containsExactly(
                new FieldError("fidelity.unit", "the built-in trainer trains for trialSettings.timeCap and counts "
                        + "no steps of its own; with a model the fidelity is SECONDS"));
    }

    @Test
    void placesAMeasurementInItsUnit() {
        Measurement m = Measurement.of(13, 30.0, Map.of("accuracy", 0.5));

        assertThat(Fidelity.steps(52).fraction(m)).isEqualTo(0.25);
        assertThat(Fidelity.seconds(Duration.ofMinutes(2)).fraction(m)).isEqualTo(0.25);
        assertThat(Fidelity.steps(13).spent(m)).isTrue();
        assertThat(Fidelity.steps(14).spent(m)).isFalse();
        assertThatThrownBy(() -> new Fidelity(FidelityUnit.STEPS, 2.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
