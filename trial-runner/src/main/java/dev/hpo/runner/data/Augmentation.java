package dev.hpo.runner.data;

public record Augmentation(int cropPadding, boolean flip, int cutout) {
}
