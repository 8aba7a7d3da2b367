package dev.hpo.runner.dl4j;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's batch normalization (same parameters, keys, running statistics and inference), trained by
 * {@link FusedBatchNormalizationLayer}, optionally with a (leaky) ReLU folded in. DL4J's own training path spends
 * about a quarter of a ResNet step on batch norm: it gathers the mean and variance in two native reductions, and
 * oneDNN's backward pass there covers only part of the gradient, the rest being eight more sweeps over the tensor.
 */
public class FusedBatchNormalization extends BatchNormalization {

    /** Negative-side slope of the fused rectifier; NaN when no activation is fused. */
    private double rectifierSlope = Double.NaN;

    /** For deserialisation only. */
    public FusedBatchNormalization() {
    }

    /** Batch norm over {@code channels} channels, followed by a (leaky) ReLU when {@code rectifierSlope} is a number. */
    FusedBatchNormalization(int channels, double rectifierSlope) {
        setNOut(channels);
        setNIn(channels);
        setUseLogStd(true);
        this.rectifierSlope = rectifierSlope;
        if (!Double.isNaN(rectifierSlope)) {
            BatchNormKernels.Activation.rectifier(rectifierSlope);
        }
    }

    public double getRectifierSlope() {
        return rectifierSlope;
    }

    public void setRectifierSlope(double rectifierSlope) {
        this.rectifierSlope = rectifierSlope;
    }

    BatchNormKernels.Activation activation() {
        return Double.isNaN(rectifierSlope)
                ? BatchNormKernels.Activation.IDENTITY
                : BatchNormKernels.Activation.rectifier(rectifierSlope);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        FusedBatchNormalizationLayer layer = new FusedBatchNormalizationLayer(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }
}
