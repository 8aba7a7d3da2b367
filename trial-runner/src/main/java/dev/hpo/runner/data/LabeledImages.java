package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;

public record LabeledImages(float[] pixels, int[] labels, InputShape shape) {
    public int size() {
        return labels.length;
    }
}
