package dev.hpo.runner.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One optimizer step, taken by hand rather than through {@code fit()} so that the gradient can be reshaped before
 * the update rule sees it: sharpness-aware minimisation (SAM) and gradient centralization hook in there.
 * With {@code rho = 0} and no centralization the step is exactly what {@code ComputationGraph.fit} does.
 *
 * <p>Public, with its constructor and {@link #take}, for the benchmarks module: {@code hpo bench train} times this
 * very step, the one every trial takes, rather than a copy of it.
 */
public final class TrainingStep {

    private static final double NORM_FLOOR = 1e-12;

    private final ComputationGraph net;
    private final double rho;
    private final INDArray trainable;
    private final List<CentralizedWeight> centralized = new ArrayList<>();

    /** A weight whose gradient is centralized: its key and the dimensions that form one output's fan-in. */
    private record CentralizedWeight(String key, int outputDimension, int[] fanInDimensions) {
    }

    /**
     * @param rho the SAM neighbourhood; 0 trains without SAM
     * @param gradientCentralization whether each weight gradient loses its mean over the unit's fan-in
     */
    public TrainingStep(ComputationGraph net, double rho, boolean gradientCentralization) {
        this.net = net;
        this.rho = rho;
        this.trainable = rho > 0 ? TrainableParameters.mask(net) : null;
        if (gradientCentralization) {
            for (Layer layer : net.getLayers()) {
                INDArray weights = layer.paramTable().get("W");
                if (weights == null || !TrainableParameters.isTrainable(layer, "W")) {
                    continue;
                }
                String key = layer.conf().getLayer().getLayerName() + "_W";
                if (weights.rank() == 4) {
                    centralized.add(new CentralizedWeight(key, 0, new int[] {1, 2, 3})); // [out, in, kh, kw]
                } else if (weights.rank() == 2) {
                    centralized.add(new CentralizedWeight(key, 1, new int[] {0})); // dense: [in, out]
                }
            }
        }
    }

    /**
     * Trains on one batch and returns the loss at the weights before the step (non-finite when diverged, in which
     * case the weights are left untouched).
     */
    public double take(INDArray features, INDArray labels, int iteration, int epoch) {
        net.setInputs(features);
        net.setLabels(labels);
        net.computeGradientAndScore();
        double loss = net.score();
        if (!Double.isFinite(loss)) {
            return loss;
        }
        INDArray params = net.params();
        if (rho > 0) {
            centralize(net.gradient());
            // Climb to the worst point within rho along the gradient, take the gradient there, climb back down.
            INDArray ascent = net.getFlattenedGradients().reshape(params.shape()).mul(trainable);
            double norm = ascent.norm2Number().doubleValue();
            if (!Double.isFinite(norm)) {
                return Double.NaN;
            }
            ascent.muli(rho / (norm + NORM_FLOOR));
            params.addi(ascent);
            net.computeGradientAndScore();
            params.subi(ascent);
        }
        Gradient gradient = net.gradient();
        centralize(gradient);
        int batchSize = (int) features.size(0);
        net.getUpdater().update(gradient, iteration, epoch, batchSize, LayerWorkspaceMgr.noWorkspaces());
        params.subi(gradient.gradient().reshape(params.shape()));
        net.getConfiguration().setIterationCount(iteration + 1);
        return loss;
    }

    /** Gradient centralization: each output unit's weight gradient loses its mean over the unit's fan-in. */
    private void centralize(Gradient gradient) {
        for (CentralizedWeight weight : centralized) {
            INDArray g = gradient.getGradientFor(weight.key());
            INDArray mean = g.mean(weight.fanInDimensions());
            Nd4j.getExecutioner().exec(new BroadcastSubOp(g, mean, g, weight.outputDimension()));
        }
    }
}
