package dev.hpo.runner.dl4j;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.EluBp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ELU;
import org.nd4j.linalg.factory.Nd4j;

/**
 * CELU(alpha): {@code x} for positive {@code x}, {@code alpha * (exp(x / alpha) - 1)} otherwise. ND4J has no CELU;
 * it is {@code alpha * ELU(x / alpha)}, so it reuses ND4J's fused ELU kernels. Like ND4J's own activations it works
 * in place on its input.
 */
public final class ActivationCelu extends BaseActivationFunction {

    private double alpha;

    /** For DL4J's JSON configuration mapper. */
    public ActivationCelu() {
        this(1.0);
    }

    public ActivationCelu(double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("CELU alpha must be positive, got " + alpha);
        }
        this.alpha = alpha;
    }

    public double getAlpha() {
        return alpha;
    }

    public void setAlpha(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        in.divi(alpha);
        Nd4j.exec(new ELU(in, in, 1.0));
        return in.muli(alpha);
    }

    /** d CELU(x)/dx = ELU'(x / alpha), since the outer alpha cancels the inner 1/alpha. */
    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        in.divi(alpha);
        Nd4j.getExecutioner().execAndReturn(new EluBp(in, epsilon, in));
        return new Pair<>(in, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationCelu other && Double.compare(alpha, other.alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "celu(alpha=" + alpha + ")";
    }
}
