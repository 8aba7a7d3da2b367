package dev.hpo.runner.options;

import dev.hpo.runner.data.Augmentation;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrainingOptionsBuilder;
import picocli.CommandLine.Option;

/** The training images' random augmentations, defaulting to the reference recipe's. */
public final class AugmentationOptions {

    private static final TrainingOptions DEFAULTS = TrainingOptions.defaults();

    @Option(names = "--crop-padding")
    int cropPadding = DEFAULTS.cropPadding();

    @Option(names = "--flip", negatable = true)
    boolean flip = DEFAULTS.flip();

    @Option(names = "--cutout")
    int cutout = DEFAULTS.cutout();

    /** @throws IllegalArgumentException naming a negative size */
    public Augmentation augmentation() {
        return new Augmentation(cropPadding, flip, cutout);
    }

    /** Sets these augmentations on {@code options}, which checks them when built. */
    public TrainingOptionsBuilder applyTo(TrainingOptionsBuilder options) {
        return options.cropPadding(cropPadding).flip(flip).cutout(cutout);
    }
}
