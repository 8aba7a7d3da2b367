package dev.hpo.runner.dl4j;

import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which entries of a network's flat parameter vector an optimizer trains. Batch norm's running statistics share
 * that vector (DL4J updates them through the gradient, with a no-op updater) and frozen layers' weights sit in it
 * too; neither may be perturbed by SAM nor counted as trainable.
 */
final class TrainableParameters {

    /** DL4J's keys of batch-norm running statistics. */
    private static final Set<String> RUNNING_STATISTICS = Set.of("mean", "var", "log10stdev");

    private TrainableParameters() {
    }

    static boolean isTrainable(Layer layer, String key) {
        return !(layer instanceof FrozenLayer) && !RUNNING_STATISTICS.contains(key);
    }

    /** A vector shaped like {@code net.params()}: 1 on trainable entries, 0 elsewhere. */
    static INDArray mask(ComputationGraph net) {
        INDArray flat = net.params();
        INDArray saved = flat.dup();
        // Parameter views share the flat vector, so marking them in place finds their offsets whatever the order.
        flat.assign(1);
        for (Layer layer : net.getLayers()) {
            for (Map.Entry<String, INDArray> param : layer.paramTable().entrySet()) {
                if (!isTrainable(layer, param.getKey())) {
                    param.getValue().assign(0);
                }
            }
        }
        INDArray mask = flat.dup();
        flat.assign(saved);
        return mask;
    }

    /** Trainable parameters counted layer by layer, as the cost model counts them. */
    static long count(ComputationGraph net) {
        long total = 0;
        for (Layer layer : net.getLayers()) {
            for (Map.Entry<String, INDArray> param : layer.paramTable().entrySet()) {
                if (isTrainable(layer, param.getKey())) {
                    total += param.getValue().length();
                }
            }
        }
        return total;
    }
}
