package dev.hpo.runner.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;

/**
 * Whether DL4J runs convolutions through oneDNN. Two things must hold: the system property
 * {@value #DISABLE_PROPERTY} is {@code false} (DL4J reads it each time a layer is built; the launcher sets it,
 * and {@link #allow()} sets it for callers that embed the engine), and the backend answers DL4J's oneDNN check
 * (see {@code org.nd4j.nativeblas.Nd4jCpu}).
 */
public final class OneDnnHelpers {

    static final String DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private OneDnnHelpers() {
    }

    /** Lets layers built from now on use the helpers, unless the user explicitly disabled them. */
    public static void allow() {
        if (System.getProperty(DISABLE_PROPERTY) == null) {
            System.setProperty(DISABLE_PROPERTY, "false");
        }
    }

    /** Whether DL4J's own check says oneDNN helpers can be used in this process. */
    public static boolean available() {
        return BaseMKLDNNHelper.mklDnnEnabled();
    }

    /** Whether {@code net}'s convolutions actually run through a oneDNN helper. */
    public static boolean activeIn(ComputationGraph net) {
        boolean any = false;
        for (Layer layer : net.getLayers()) {
            if (layer instanceof ConvolutionLayer) {
                if (layer.getHelper() == null) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
