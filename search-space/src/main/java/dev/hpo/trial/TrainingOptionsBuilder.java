package dev.hpo.trial;

/**
 * Changes a few of {@link TrainingOptions}' seventeen fields and keeps the rest: the one place options are
 * assembled field by field, for study specs ({@link TrainingVocabulary}), the command line, plan files and tests.
 * {@link #build()} validates through the record's constructor.
 */
public final class TrainingOptionsBuilder {

    private Optimizer optimizer;
    private double learningRate;
    private double momentum;
    private double weightDecay;
    private int batchSize;
    private double labelSmoothing;
    private double samRho;
    private boolean gradientCentralization;
    private Activation activation;
    private double activationAlpha;
    private double warmupFraction;
    private boolean whitening;
    private int cropPadding;
    private boolean flip;
    private int cutout;
    private boolean flipTestTimeAugmentation;
    private long seed;

    private TrainingOptionsBuilder(TrainingOptions o) {
        optimizer = o.optimizer();
        learningRate = o.learningRate();
        momentum = o.momentum();
        weightDecay = o.weightDecay();
        batchSize = o.batchSize();
        labelSmoothing = o.labelSmoothing();
        samRho = o.samRho();
        gradientCentralization = o.gradientCentralization();
        activation = o.activation();
        activationAlpha = o.activationAlpha();
        warmupFraction = o.warmupFraction();
        whitening = o.whitening();
        cropPadding = o.cropPadding();
        flip = o.flip();
        cutout = o.cutout();
        flipTestTimeAugmentation = o.flipTestTimeAugmentation();
        seed = o.seed();
    }

    public static TrainingOptionsBuilder from(TrainingOptions options) {
        return new TrainingOptionsBuilder(options);
    }

    public static TrainingOptionsBuilder defaults() {
        return from(TrainingOptions.defaults());
    }

    public TrainingOptionsBuilder optimizer(Optimizer value) {
        optimizer = value;
        return this;
    }

    public TrainingOptionsBuilder learningRate(double value) {
        learningRate = value;
        return this;
    }

    public TrainingOptionsBuilder momentum(double value) {
        momentum = value;
        return this;
    }

    public TrainingOptionsBuilder weightDecay(double value) {
        weightDecay = value;
        return this;
    }

    public TrainingOptionsBuilder batchSize(int value) {
        batchSize = value;
        return this;
    }

    public TrainingOptionsBuilder labelSmoothing(double value) {
        labelSmoothing = value;
        return this;
    }

    public TrainingOptionsBuilder samRho(double value) {
        samRho = value;
        return this;
    }

    public TrainingOptionsBuilder gradientCentralization(boolean value) {
        gradientCentralization = value;
        return this;
    }

    public TrainingOptionsBuilder activation(Activation value) {
        activation = value;
        return this;
    }

    public TrainingOptionsBuilder activationAlpha(double value) {
        activationAlpha = value;
        return this;
    }

    public TrainingOptionsBuilder warmupFraction(double value) {
        warmupFraction = value;
        return this;
    }

    public TrainingOptionsBuilder whitening(boolean value) {
        whitening = value;
        return this;
    }

    public TrainingOptionsBuilder cropPadding(int value) {
        cropPadding = value;
        return this;
    }

    public TrainingOptionsBuilder flip(boolean value) {
        flip = value;
        return this;
    }

    public TrainingOptionsBuilder cutout(int value) {
        cutout = value;
        return this;
    }

    public TrainingOptionsBuilder flipTestTimeAugmentation(boolean value) {
        flipTestTimeAugmentation = value;
        return this;
    }

    public TrainingOptionsBuilder seed(long value) {
        seed = value;
        return this;
    }

    /** @throws IllegalArgumentException naming the first invalid field */
    public TrainingOptions build() {
        return new TrainingOptions(optimizer, learningRate, momentum, weightDecay, batchSize, labelSmoothing, samRho,
                gradientCentralization, activation, activationAlpha, warmupFraction, whitening, cropPadding, flip,
                cutout, flipTestTimeAugmentation, seed);
    }
}
