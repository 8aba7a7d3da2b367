package dev.hpo.trial;

import java.util.Objects;

/**
 * How one trial trains: the update rule, its hyperparameters and the small-data recipe.
 * Every engine reads these and nothing else, so a configuration means the same on every worker.
 *
 * @param optimizer update rule
 * @param learningRate peak learning rate of the warm-up + cosine schedule, positive
 * @param momentum SGD's Nesterov momentum, or Adam-style beta1, in [0, 1)
 * @param weightDecay L2 (SGD, Adam, ...) or decoupled (AdamW) decay, at least 0
 * @param batchSize images per step, at least 1
 * @param labelSmoothing in [0, 1)
 * @param samRho SAM neighbourhood size; 0 trains with the plain optimizer
 * @param gradientCentralization subtract each conv/linear weight gradient's mean over its fan-in
 * @param activation after every batch norm
 * @param activationAlpha CELU's alpha or LeakyReLU's slope; ignored by ReLU
 * @param warmupFraction share of the time cap spent warming the learning rate up, in [0, 1)
 * @param whitening a frozen first conv initialised from the whitening of the training images' patches
 * @param cropPadding random-crop padding in pixels; 0 turns random crops off
 * @param flip random horizontal flips
 * @param cutout side of the random square cut out of each training image; 0 turns cutout off
 * @param flipTestTimeAugmentation evaluate on each image and its mirror, averaging the logits
 * @param seed initialisation and shuffling seed
 */
public record TrainingOptions(
        Optimizer optimizer,
        double learningRate,
        double momentum,
        double weightDecay,
        int batchSize,
        double labelSmoothing,
        double samRho,
        boolean gradientCentralization,
        Activation activation,
        double activationAlpha,
        double warmupFraction,
        boolean whitening,
        int cropPadding,
        boolean flip,
        int cutout,
        boolean flipTestTimeAugmentation,
        long seed) {

    public TrainingOptions {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(activation, "activation");
        check(learningRate > 0 && Double.isFinite(learningRate), "learningRate must be positive, got " + learningRate);
        check(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
        check(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay must be >= 0, got " + weightDecay);
        check(batchSize >= 1, "batchSize must be at least 1, got " + batchSize);
        check(labelSmoothing >= 0 && labelSmoothing < 1, "labelSmoothing must be in [0, 1), got " + labelSmoothing);
        check(samRho >= 0 && Double.isFinite(samRho), "samRho must be >= 0, got " + samRho);
        check(activationAlpha > 0 && Double.isFinite(activationAlpha),
                "activationAlpha must be positive, got " + activationAlpha);
        check(warmupFraction >= 0 && warmupFraction < 1, "warmupFraction must be in [0, 1), got " + warmupFraction);
        check(cropPadding >= 0, "cropPadding must be >= 0, got " + cropPadding);
        check(cutout >= 0, "cutout must be >= 0, got " + cutout);
    }

    /** The reference recipe: Nesterov SGD at 0.1, label smoothing 0.1, ReLU, 2-pixel crops and flips. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(Optimizer.SGD, 0.1, 0.9, 5e-4, 128, 0.1, 0.0, false,
                Activation.RELU, 0.3, 0.1, false, 2, true, 0, true, 0);
    }

    public boolean usesSam() {
        return samRho > 0;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
