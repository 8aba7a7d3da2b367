package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;

/**
 * Images as a source stores them: 8-bit channels-first pixels at the source's own shape, before any resizing or
 * normalisation. Only the selected subset is ever held in this form.
 *
 * @param pixels {@code labels.length} images of {@code shape}, one unsigned byte per value
 * @param labels class index of each image
 * @param shape the source's image shape
 */
record NativeImages(byte[] pixels, int[] labels, InputShape shape) {

    NativeImages {
        if (pixels.length != (long) labels.length * LabeledImages.volume(shape)) {
            throw new IllegalArgumentException("pixels must hold " + labels.length + " images of " + shape);
        }
    }

    /**
     * Copies the images at {@code indices} out of a file's contents, where image {@code i} starts at
     * {@code offset + i * stride}.
     */
    static NativeImages select(byte[] data, int offset, int stride, int[] allLabels, int[] indices, InputShape shape) {
        int volume = LabeledImages.volume(shape);
        byte[] pixels = new byte[indices.length * volume];
        int[] labels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int index = indices[k];
            System.arraycopy(data, offset + index * stride, pixels, k * volume, volume);
            labels[k] = allLabels[index];
        }
        return new NativeImages(pixels, labels, shape);
    }

    int size() {
        return labels.length;
    }
}
