package dev.hpo.optimizer.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.space.CategoricalParameter;
import dev.hpo.space.FloatParameter;
import dev.hpo.space.SearchSpace;
import org.junit.jupiter.api.Test;

class TriedConfigurationsTest {

    private static final UnitCube CUBE = new UnitCube(SearchSpace.of(FloatParameter.linear("x", 0, 1),
            CategoricalParameter.of("kind", "a", "b"), FloatParameter.linear("y", 0, 1)));

    @Test
    void floatsWithinToleranceAreTheSameConfigurationEvenAcrossASliceBoundary() {
        TriedConfigurations tried = new TriedConfigurations(CUBE);
        double boundary = 400 * UnitCube.FLOAT_TOLERANCE;
        tried.add(new double[] {boundary - 0.4 * UnitCube.FLOAT_TOLERANCE, 0.25, 0.5});

        assertThat(tried.contains(new double[] {boundary + 0.4 * UnitCube.FLOAT_TOLERANCE, 0.25, 0.5})).isTrue();
        assertThat(tried.contains(new double[] {boundary + 1.2 * UnitCube.FLOAT_TOLERANCE, 0.25, 0.5})).isFalse();
        assertThat(tried.contains(new double[] {boundary, 0.25, 0.5 + 2 * UnitCube.FLOAT_TOLERANCE})).isFalse();
    }

    @Test
    void differentCategoricalsAreDifferentConfigurations() {
        TriedConfigurations tried = new TriedConfigurations(CUBE);
        tried.add(new double[] {0.3, 0.25, 0.3});

        assertThat(tried.contains(new double[] {0.3, 0.75, 0.3})).isFalse();
        assertThat(tried.indexOf(new double[] {0.3, 0.25, 0.3})).isZero();
    }
}
