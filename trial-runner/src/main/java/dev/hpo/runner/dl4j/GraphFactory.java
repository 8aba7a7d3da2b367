package dev.hpo.runner.dl4j;

import dev.hpo.arch.InputShape;
import dev.hpo.arch.NetworkLayout;
import dev.hpo.trial.TrainingOptions;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Builds the DL4J graph a {@link NetworkLayout} describes, layer for layer as the cost model counts it: bias-free
 * 3x3 convolutions each followed by batch norm and the activation, so the trainable parameters match the cost
 * model exactly. Weights start as PyTorch's do, so a learning rate tuned on the reference recipe means the same
 * here. Batch norm trains through {@link FusedBatchNormalization}, which also applies a ReLU or leaky ReLU that
 * follows it; CELU stays a layer of its own.
 *
 * <p>With whitening, a frozen {@value #WHITENING} convolution runs first; it keeps the image's channel count, so
 * the layout and its cost are unchanged, and {@link PatchWhitening} sets its weights.
 */
public final class GraphFactory {

    public static final String INPUT = "input";
    public static final String WHITENING = "whitening";
    public static final String OUTPUT = "output";

    private final TrainingOptions options;
    private final IActivation activation;
    private final boolean fusedBatchNorm;
    private final GraphBuilder graph;

    private GraphFactory(NetworkLayout layout, TrainingOptions options, boolean fusedBatchNorm) {
        this.options = options;
        this.activation = activation(options);
        this.fusedBatchNorm = fusedBatchNorm;
        InputShape in = layout.input();
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(options.seed())
                .dataType(DataType.FLOAT)
                .updater(Updaters.of(options))
                .convolutionMode(ConvolutionMode.Truncate)
                // Without HOST caching every convolution's forward pass is recomputed during backprop.
                .cacheMode(CacheMode.HOST)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        Updaters.regularize(base, options);
        this.graph = base.graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(in.height(), in.width(), in.channels()));
    }

    /** The configuration of {@code layout}'s network, trained with {@code options}. */
    public static ComputationGraphConfiguration configuration(NetworkLayout layout, TrainingOptions options) {
        return configuration(layout, options, true);
    }

    /**
     * With {@code fusedBatchNorm} false, batch norm and its activation are DL4J's own layers: the reference the
     * fused layers are tested against.
     */
    static ComputationGraphConfiguration configuration(NetworkLayout layout, TrainingOptions options,
                                                       boolean fusedBatchNorm) {
        GraphFactory factory = new GraphFactory(layout, options, fusedBatchNorm);
        String x = INPUT;
        if (options.whitening()) {
            x = factory.whitening(layout.input().channels());
        }
        if (layout instanceof NetworkLayout.ResNet9 net) {
            factory.resnet9(net, x);
        } else if (layout instanceof NetworkLayout.ResNet18 net) {
            factory.resnet18(net, x);
        } else {
            throw new IllegalArgumentException("the dl4j engine cannot build " + layout);
        }
        return factory.graph.build();
    }

    /** An initialised network, parameters drawn from {@code options.seed()}. */
    public static ComputationGraph build(NetworkLayout layout, TrainingOptions options) {
        return build(layout, options, true);
    }

    static ComputationGraph build(NetworkLayout layout, TrainingOptions options, boolean fusedBatchNorm) {
        OneDnnHelpers.allow();
        ComputationGraph net = new ComputationGraph(configuration(layout, options, fusedBatchNorm));
        net.init();
        initialiseWeights(net, options.seed());
        return net;
    }

    /**
     * Draws every trainable weight from U(-1/sqrt(fan-in), 1/sqrt(fan-in)), PyTorch's default, from
     * {@code seed}. Done here rather than by DL4J's weight initialisers because their distributions draw from
     * native generators that M2.1 does not reseed from the configuration, so equal seeds gave different networks.
     */
    private static void initialiseWeights(ComputationGraph net, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            INDArray weights = layer.paramTable().get("W");
            if (weights == null || !TrainableParameters.isTrainable(layer, "W")) {
                continue;
            }
            // Convolutions are [out, in, kh, kw], dense layers [in, out].
            long fanIn = weights.rank() == 4 ? weights.length() / weights.size(0) : weights.size(0);
            double bound = 1 / Math.sqrt(fanIn);
            float[] values = new float[(int) weights.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextDouble(-bound, bound);
            }
            weights.assign(Nd4j.create(values, weights.shape(), DataType.FLOAT));
        }
    }

    private void resnet9(NetworkLayout.ResNet9 net, String input) {
        String x = convBn("prep", input, net.input().channels(), net.prep(), 1);
        x = pool("layer1_pool", convBn("layer1", x, net.prep(), net.layer1(), 1));
        for (int i = 0; i < net.residual1(); i++) {
            x = residualPair("res1_" + i, x, net.layer1());
        }
        x = pool("layer2_pool", convBn("layer2", x, net.layer1(), net.layer2(), 1));
        x = pool("layer3_pool", convBn("layer3", x, net.layer2(), net.layer3(), 1));
        for (int i = 0; i < net.residual3(); i++) {
            x = residualPair("res3_" + i, x, net.layer3());
        }
        head(x, PoolingType.MAX, net.layer3(), net.classes(), false);
    }

    /** ResNet-9's residual: x + act(bn(conv(act(bn(conv(x)))))). */
    private String residualPair(String name, String input, int channels) {
        String inner = convBn(name + "_a", input, channels, channels, 1);
        inner = convBn(name + "_b", inner, channels, channels, 1);
        graph.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), input, inner);
        return name + "_add";
    }

    private void resnet18(NetworkLayout.ResNet18 net, String input) {
        String x = convBn("stem", input, net.input().channels(), net.stem(), 1);
        int in = net.stem();
        int[] channels = net.stageChannels();
        int[] blocks = net.stageBlocks();
        for (int stage = 0; stage < channels.length; stage++) {
            for (int block = 0; block < blocks[stage]; block++) {
                int stride = block == 0 ? NetworkLayout.ResNet18.stageStride(stage) : 1;
                x = basicBlock("stage" + (stage + 1) + "_" + block, x, in, channels[stage], stride);
                in = channels[stage];
            }
        }
        head(x, PoolingType.AVG, in, net.classes(), true);
    }

    /** act(bn(conv(act(bn(conv(x))))) + shortcut(x)), the shortcut a 1x1 conv + bn where the shape changes. */
    private String basicBlock(String name, String input, int in, int out, int stride) {
        String a = convBn(name + "_a", input, in, out, stride);
        String b = conv(name + "_b", a, out, out, 3, 1);
        b = batchNorm(name + "_b_bn", b, out);
        String shortcut = input;
        if (stride != 1 || in != out) {
            shortcut = batchNorm(name + "_proj_bn", conv(name + "_proj", input, in, out, 1, stride), out);
        }
        graph.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), b, shortcut);
        return activate(name + "_out", name + "_add");
    }

    private String whitening(int channels) {
        ConvolutionLayer conv = convolution(channels, channels, PatchWhitening.KERNEL, 1);
        graph.addLayer(WHITENING, new FrozenLayer.Builder().layer(conv).build(), INPUT);
        return WHITENING;
    }

    /** conv, batch norm, activation; a (leaky) ReLU is folded into the batch norm layer. */
    private String convBn(String name, String input, int in, int out, int stride) {
        String conv = conv(name, input, in, out, 3, stride);
        OptionalDouble slope = rectifierSlope();
        if (fusedBatchNorm && slope.isPresent()) {
            graph.addLayer(name + "_bn", new FusedBatchNormalization(out, slope.getAsDouble()), conv);
            return name + "_bn";
        }
        return activate(name + "_act", batchNorm(name + "_bn", conv, out));
    }

    private String conv(String name, String input, int in, int out, int kernel, int stride) {
        graph.addLayer(name, convolution(in, out, kernel, stride), input);
        return name;
    }

    private static ConvolutionLayer convolution(int in, int out, int kernel, int stride) {
        return new ConvolutionLayer.Builder(kernel, kernel)
                .stride(stride, stride)
                .padding(kernel / 2, kernel / 2)
                .nIn(in)
                .nOut(out)
                .hasBias(false)
                .activation(org.nd4j.linalg.activations.Activation.IDENTITY)
                .build();
    }

    private String batchNorm(String name, String input, int channels) {
        graph.addLayer(name, fusedBatchNorm
                ? new FusedBatchNormalization(channels, Double.NaN)
                : new BatchNormalization.Builder().nOut(channels).build(), input);
        return name;
    }

    private String activate(String name, String input) {
        graph.addLayer(name, new ActivationLayer.Builder().activation(activation).build(), input);
        return name;
    }

    private String pool(String name, String input) {
        graph.addLayer(name, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(),
                input);
        return name;
    }

    private void head(String input, PoolingType pooling, int channels, int classes, boolean bias) {
        graph.addLayer("global_pool", new GlobalPoolingLayer.Builder(pooling).build(), input);
        graph.addLayer(OUTPUT, new OutputLayer.Builder(new LossMCXENT())
                .nIn(channels)
                .nOut(classes)
                .hasBias(bias)
                .activation(new ActivationSoftmax())
                .build(), "global_pool");
        graph.setOutputs(OUTPUT);
    }

    /** The negative-side slope when the activation is a rectifier, which batch norm can apply in the same sweep. */
    private OptionalDouble rectifierSlope() {
        return switch (options.activation()) {
            case RELU -> OptionalDouble.of(0);
            case LEAKY_RELU -> OptionalDouble.of(options.activationAlpha());
            case CELU -> OptionalDouble.empty();
        };
    }

    private static IActivation activation(TrainingOptions options) {
        return switch (options.activation()) {
            case RELU -> new ActivationReLU();
            case CELU -> new ActivationCelu(options.activationAlpha());
            case LEAKY_RELU -> new ActivationLReLU(options.activationAlpha());
        };
    }
}
