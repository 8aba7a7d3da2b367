package dev.hpo.runner.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ActivationCeluTest {

    private static final double ALPHA = 0.3;
    private static final double[] X = {-3, -1, -0.2, 0.0001, 0.5, 2};

    private static double celu(double x) {
        return Math.max(0, x) + Math.min(0, ALPHA * (Math.exp(x / ALPHA) - 1));
    }

    @Test
    void computesCeluWithItsAlpha() {
        INDArray out = new ActivationCelu(ALPHA).getActivation(Nd4j.createFromArray(X).castTo(DataType.DOUBLE), true);

        for (int i = 0; i < X.length; i++) {
            assertThat(out.getDouble(i)).isCloseTo(celu(X[i]), within(1e-9));
        }
    }

    @Test
    void backpropagatesTheDerivativeTimesTheIncomingGradient() {
        INDArray epsilon = Nd4j.createFromArray(1.0, 2.0, -1.0, 0.5, 3.0, -2.0);
        INDArray grad = new ActivationCelu(ALPHA)
                .backprop(Nd4j.createFromArray(X).castTo(DataType.DOUBLE), epsilon).getFirst();

        for (int i = 0; i < X.length; i++) {
            double h = 1e-6;
            double numeric = (celu(X[i] + h) - celu(X[i] - h)) / (2 * h);
            assertThat(grad.getDouble(i)).as("x = " + X[i]).isCloseTo(numeric * epsilon.getDouble(i), within(1e-5));
        }
    }
}
