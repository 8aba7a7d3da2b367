package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;

/**
 * Converts one 8-bit channels-first image to floats in [0, 1] with the requested channel count: grey is repeated
 * into three channels, colour becomes grey by its ITU-R BT.601 luma.
 */
final class Channels {

    private static final float SCALE = 1f / 255f;

    private Channels() {
    }

    static float[] convert(byte[] pixels, int offset, InputShape shape, int targetChannels) {
        int plane = shape.height() * shape.width();
        int channels = shape.channels();
        float[] out = new float[targetChannels * plane];
        if (channels == targetChannels) {
            for (int p = 0; p < channels * plane; p++) {
                out[p] = (pixels[offset + p] & 0xff) * SCALE;
            }
        } else if (channels == 1) {
            for (int p = 0; p < plane; p++) {
                float grey = (pixels[offset + p] & 0xff) * SCALE;
                for (int c = 0; c < targetChannels; c++) {
                    out[c * plane + p] = grey;
                }
            }
        } else {
            for (int p = 0; p < plane; p++) {
                float red = pixels[offset + p] & 0xff;
                float green = pixels[offset + plane + p] & 0xff;
                float blue = pixels[offset + 2 * plane + p] & 0xff;
                out[p] = (0.299f * red + 0.587f * green + 0.114f * blue) * SCALE;
            }
        }
        return out;
    }
}
