package dev.hpo.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchSpaceTest {

    private final SearchSpace space = SearchSpace.of(
            FloatParameter.log("learningRate", 1e-4, 1),
            IntParameter.log("batchSize", 16, 512),
            IntParameter.linear("depth", 1, 3),
            CategoricalParameter.of("optimizer", "sgd", "adam", "adamw"),
            CategoricalParameter.of("sam", "off", "on"),
            FloatParameter.linear("samRho", 0.01, 0.2).when(new Condition("sam", List.of("on"))),
            CategoricalParameter.of("resolution", 0.75, 1.0, 1.25),
            FixedParameter.of("activation", "celu"));

    @Test
    void fixedParametersTakeNoCoordinate() {
        assertThat(space.dimensions()).isEqualTo(7);
    }

    @Test
    void integersAndCategoricalsSurviveTheRoundTripExactly() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            double[] point = random.doubles(space.dimensions()).toArray();
            Configuration decoded = space.decode(point);
            Configuration again = space.decode(space.encode(decoded));

            assertThat(again.values().keySet()).isEqualTo(decoded.values().keySet());
            for (String name : List.of("batchSize", "depth", "optimizer", "sam", "resolution", "activation")) {
                assertThat(again.values().get(name)).isEqualTo(decoded.values().get(name));
            }
            assertThat((Double) again.values().get("learningRate"))
                    .isCloseTo((Double) decoded.values().get("learningRate"), within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {16, 17, 100, 255, 256, 511, 512})
    void everyLogScaleIntegerRoundTrips(long batchSize) {
        IntParameter p = IntParameter.log("batchSize", 16, 512);

        assertThat(p.decode(p.encode(batchSize))).isEqualTo(batchSize);
    }

    @Test
    void logScaleGivesEqualRatiosEqualRoom() {
        FloatParameter lr = FloatParameter.log("learningRate", 1e-4, 1);

        assertThat(lr.encode(1e-2)).isCloseTo(0.5, within(1e-12));
        assertThat((Double) lr.decode(0.25)).isCloseTo(1e-3, within(1e-15));
    }

    @Test
    void inactiveConditionalParametersAreLeftOut() {
        double[] point = new double[space.dimensions()];
        java.util.Arrays.fill(point, 0.1); // sam "off"

        assertThat(space.decode(point).has("samRho")).isFalse();
        point[4] = 0.9; // sam "on"
        assertThat(space.decode(point).has("samRho")).isTrue();
    }

    @Test
    void canonicalReportsEveryProblemByName() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("learningRate", 2.0);
        values.put("batchSize", 31.5);
        values.put("depth", 2);
        values.put("optimizer", "lion");
        values.put("sam", "off");
        values.put("samRho", 0.05);
        values.put("colour", "red");

        assertThatThrownBy(() -> space.canonical(Configuration.of(values)))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                "colour: is not a parameter of this search space",
                                "learningRate: must be within [1.0E-4, 1.0], got 2.0",
                                "batchSize: must be an integer, got 31.5",
                                "optimizer: must be one of [\"sgd\", \"adam\", \"adamw\"], got \"lion\"",
                                "samRho: is inactive because sam is not one of [on]",
                                "resolution: is missing"));
    }

    @Test
    void canonicalFillsFixedValuesAndNormalisesNumbers() {
        Configuration c = space.canonical(Configuration.of(Map.of("learningRate", 0.1, "batchSize", 64,
                "depth", 2.0, "optimizer", "adam", "sam", "off", "resolution", 1)));

        assertThat(c.values()).containsEntry("batchSize", 64L).containsEntry("depth", 2L)
                .containsEntry("resolution", 1.0).containsEntry("activation", "celu");
    }

    @Test
    void rejectsDuplicateNamesAndBadConditions() {
        assertThatThrownBy(() -> SearchSpace.of(IntParameter.linear("a", 1, 2), IntParameter.linear("a", 1, 3)))
                .hasMessageContaining("'a' is used twice");
        assertThatThrownBy(() -> SearchSpace.of(
                FloatParameter.linear("rho", 0, 1).when(new Condition("sam", List.of("on"))),
                CategoricalParameter.of("sam", "off", "on")))
                .hasMessageContaining("must be a parameter declared before it");
        assertThatThrownBy(() -> SearchSpace.of(CategoricalParameter.of("sam", "off", "on"),
                FloatParameter.linear("rho", 0, 1).when(new Condition("sam", List.of("yes")))))
                .hasMessageContaining("\"yes\" is not a value of 'sam'");
    }

    @Test
    void rejectsBadBounds() {
        assertThatThrownBy(() -> FloatParameter.log("lr", 0, 1)).hasMessageContaining("log scale needs min > 0");
        assertThatThrownBy(() -> FloatParameter.linear("lr", 1, 1)).hasMessageContaining("max must be greater than min");
        assertThatThrownBy(() -> FloatParameter.linear("lr", Double.NaN, 1)).hasMessageContaining("finite");
    }
}
