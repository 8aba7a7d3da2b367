package dev.hpo.runner.dl4j;

import dev.hpo.runner.dl4j.BatchNormKernels.Activation;
import dev.hpo.runner.dl4j.BatchNormKernels.Layout;
import java.nio.FloatBuffer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer of {@link FusedBatchNormalization}. Training on NCHW float input runs through {@link BatchNormKernels}
 * (with the fused rectifier, if any); inference, and any other input, is DL4J's own batch norm. The running
 * statistics are updated exactly as DL4J does it: through "gradients" of the mean and log10 standard deviation
 * that their no-op updater applies as is.
 */
final class FusedBatchNormalizationLayer extends BatchNormalization {

    private final BatchNormKernels kernels = new BatchNormKernels(Math.max(1, Nd4j.getEnvironment().maxThreads()));
    private final Activation activation;
    /** The statistics of the last training forward pass, which its backward pass needs; null otherwise. */
    private Batch batch;

    /** Per channel: batch mean and biased variance, 1/sqrt(variance + eps), and the affine map y = x*scale+shift. */
    private record Batch(float[] mean, double[] variance, double[] inverseStd, float[] scale, float[] shift) {
    }

    FusedBatchNormalizationLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        this.activation = ((FusedBatchNormalization) conf.getLayer()).activation();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        batch = null;
        if (training && fastPathFits(input)) {
            return trainingForward(workspaceMgr);
        }
        if (training && !activation.identity()) {
            throw new IllegalStateException(layerId() + ": a fused activation trains only on rank-4 NCHW float input,"
                    + " got " + input.dataType() + " " + java.util.Arrays.toString(input.shape()));
        }
        INDArray out = super.activate(training, workspaceMgr);
        if (!activation.identity()) {
            Nd4j.getExecutioner().exec(new LeakyReLU(out, activation.slope()));
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (batch == null) {
            if (!activation.identity()) {
                throw new IllegalStateException(layerId() + ": backprop without a training forward pass");
            }
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        Batch b = batch;
        batch = null;
        INDArray x = contiguous(input);
        INDArray dy = contiguous(epsilon);
        Layout layout = Layout.of(x);
        int channels = layout.channels();
        double[] sumGradient = new double[channels];
        double[] sumCentred = new double[channels];
        kernels.gradientSums(BatchNormKernels.floats(dy), BatchNormKernels.floats(x), layout, b.mean(), b.scale(),
                b.shift(), activation, sumGradient, sumCentred);

        // With xhat = (x - mean) * inverseStd and g the gradient at the normalised output:
        // dbeta = sum g, dgamma = sum g * xhat, dx = gamma * inverseStd * (g - dbeta/M - xhat * dgamma/M).
        double count = layout.perChannel();
        float[] gradientScale = new float[channels];
        float[] centredScale = new float[channels];
        float[] offset = new float[channels];
        float[] dGamma = new float[channels];
        float[] dBeta = new float[channels];
        for (int c = 0; c < channels; c++) {
            double inverseStd = b.inverseStd()[c];
            double gammaGradient = sumCentred[c] * inverseStd;
            double scale = b.scale()[c];
            dGamma[c] = (float) gammaGradient;
            dBeta[c] = (float) sumGradient[c];
            gradientScale[c] = (float) scale;
            centredScale[c] = (float) (-scale * inverseStd * gammaGradient / count);
            offset[c] = (float) (-scale * sumGradient[c] / count);
        }
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
        kernels.inputGradient(BatchNormKernels.floats(dy), BatchNormKernels.floats(x), BatchNormKernels.floats(dx),
                layout, b.mean(), b.scale(), b.shift(), activation, gradientScale, centredScale, offset);
        return new Pair<>(gradients(b, dGamma, dBeta), dx);
    }

    private INDArray trainingForward(LayerWorkspaceMgr workspaceMgr) {
        INDArray x = contiguous(input);
        Layout layout = Layout.of(x);
        int channels = layout.channels();
        double[] mean = new double[channels];
        double[] variance = new double[channels];
        kernels.moments(BatchNormKernels.floats(x), layout, mean, variance);
        FloatBuffer gamma = BatchNormKernels.floats(getParam(BatchNormalizationParamInitializer.GAMMA));
        FloatBuffer beta = BatchNormKernels.floats(getParam(BatchNormalizationParamInitializer.BETA));
        double eps = layerConf().getEps();
        float[] batchMean = new float[channels];
        double[] inverseStd = new double[channels];
        float[] scale = new float[channels];
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            inverseStd[c] = 1 / Math.sqrt(variance[c] + eps);
            double a = gamma.get(c) * inverseStd[c];
            batchMean[c] = (float) mean[c];
            scale[c] = (float) a;
            shift[c] = (float) (beta.get(c) - mean[c] * a);
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, x.shape(), 'c');
        kernels.affine(BatchNormKernels.floats(x), BatchNormKernels.floats(out), layout, scale, shift, activation);
        batch = new Batch(batchMean, variance, inverseStd, scale, shift);
        return out;
    }

    /**
     * Writes the parameter gradients into the network's gradient views. The running statistics move as DL4J moves
     * them: {@code mean <- mean - (1 - decay) * (mean - batchMean)}, and the variance, as log10 of the standard
     * deviation or as the variance itself, towards {@code decay * var + (1 - decay) * batchVar}.
     */
    private Gradient gradients(Batch b, float[] dGamma, float[] dBeta) {
        org.deeplearning4j.nn.conf.layers.BatchNormalization conf = layerConf();
        double decay = conf.getDecay();
        int channels = dGamma.length;
        INDArray gammaView = gradientViews.get(BatchNormalizationParamInitializer.GAMMA);
        INDArray betaView = gradientViews.get(BatchNormalizationParamInitializer.BETA);
        INDArray meanView = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        String varianceKey = conf.isUseLogStd()
                ? BatchNormalizationParamInitializer.GLOBAL_LOG_STD
                : BatchNormalizationParamInitializer.GLOBAL_VAR;
        INDArray varianceView = gradientViews.get(varianceKey);
        FloatBuffer globalMean = BatchNormKernels.floats(getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN));
        FloatBuffer globalVariance = BatchNormKernels.floats(getParam(varianceKey));
        FloatBuffer gammaGradient = BatchNormKernels.floats(gammaView);
        FloatBuffer betaGradient = BatchNormKernels.floats(betaView);
        FloatBuffer meanStep = BatchNormKernels.floats(meanView);
        FloatBuffer varianceStep = BatchNormKernels.floats(varianceView);
        for (int c = 0; c < channels; c++) {
            gammaGradient.put(c, dGamma[c]);
            betaGradient.put(c, dBeta[c]);
            meanStep.put(c, (float) ((globalMean.get(c) - b.mean()[c]) * (1 - decay)));
            if (conf.isUseLogStd()) {
                double variance = Math.pow(10, 2.0 * globalVariance.get(c));
                double next = decay * variance + (1 - decay) * b.variance()[c];
                varianceStep.put(c, (float) (Math.log10(variance / next) / 2));
            } else {
                varianceStep.put(c, (float) ((globalVariance.get(c) - b.variance()[c]) * (1 - decay)));
            }
        }
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA, gammaView);
        gradient.setGradientFor(BatchNormalizationParamInitializer.BETA, betaView);
        gradient.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_MEAN, meanView);
        gradient.setGradientFor(varianceKey, varianceView);
        return gradient;
    }

    private boolean fastPathFits(INDArray x) {
        org.deeplearning4j.nn.conf.layers.BatchNormalization conf = layerConf();
        return x.rank() == 4 && x.dataType() == DataType.FLOAT && dataType == DataType.FLOAT
                && conf.getCnn2DFormat() == CNN2DFormat.NCHW && !conf.isLockGammaBeta();
    }

    private static INDArray contiguous(INDArray array) {
        return array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array) ? array : array.dup('c');
    }
}
