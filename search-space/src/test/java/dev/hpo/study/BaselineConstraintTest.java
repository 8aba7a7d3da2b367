package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BaselineConstraintTest {

    private static String spec(String constraint) {
        return StudySpecParserTest.VALID.replace("{\"metric\": \"accuracy\", \"min\": 0.85}", constraint);
    }

    @Test
    void readsAMinimumTakenFromTheBaseline() {
        StudySpec spec = StudySpecParser.parse(spec("{\"metric\": \"accuracy\", \"min\": \"baseline\"}"));

        assertThat(spec.constraints()).containsExactly(Constraint.atLeastBaseline("accuracy"));
        assertThat(spec.constraints().get(0).needsBaseline()).isTrue();
    }

    @Test
    void writesTheBaselineBoundBackAsText() {
        StudySpec spec = StudySpecParser.parse(spec("{\"metric\": \"accuracy\", \"min\": \"baseline\"}"));

        StudySpec again = StudySpecParser.parse(StudySpecWriter.toJson(spec));

        assertThat(StudySpecWriter.toJson(spec)).contains("\"baseline\"");
        assertThat(again.constraints()).isEqualTo(spec.constraints());
    }

    @Test
    void rejectsOtherTextAsABound() {
        assertThatThrownBy(() -> StudySpecParser.parse(spec("{\"metric\": \"accuracy\", \"min\": \"base\"}")))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> {
                            assertThat(error.path()).isEqualTo("constraints[0].min");
                            assertThat(error.message()).contains("\"baseline\"");
                        }));
    }

    @Test
    void rejectsABaselineBoundNextToANumber() {
        assertThatThrownBy(() -> StudySpecParser.parse(
                spec("{\"metric\": \"accuracy\", \"min\": \"baseline\", \"max\": 0.99}")))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> assertThat(error.message()).contains("stands alone")));
    }

    @Test
    void becomesANumericBoundOnceTheBaselineIsKnown() {
        Constraint resolved = Constraint.atLeastBaseline("accuracy").withBaseline(0.91);

        assertThat(resolved).isEqualTo(Constraint.atLeast("accuracy", 0.91));
        assertThat(resolved.violation(0.90)).isGreaterThan(0);
        assertThat(Constraint.atMostBaseline("macs").withBaseline(1e8).max()).isEqualTo(OptionalDouble.of(1e8));
    }

    @Test
    void judgesNothingBeforeTheBaselineIsKnown() {
        assertThat(Constraint.atLeastBaseline("accuracy").violation(0.1)).isZero();
    }
}
