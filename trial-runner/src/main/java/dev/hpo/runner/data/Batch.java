package dev.hpo.runner.data;

public record Batch(float[] pixels, int[] labels, int size, int epoch, boolean lastOfEpoch) {
}
