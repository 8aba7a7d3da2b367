package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;
import java.util.stream.IntStream;

/**
 * Turns a source's 8-bit images into network inputs: values scaled to [0, 1], channels converted, resized to the
 * target shape, then normalised per channel with statistics of the training subset only, so nothing about the
 * validation images leaks into training.
 */
final class Preprocessing {

    /** Channels with (almost) no spread are centred but not scaled, rather than divided by zero. */
    private static final double MIN_STD = 1e-6;

    private Preprocessing() {
    }

    /** Converts and resizes every image to {@code target}, without normalising. */
    static LabeledImages toTarget(NativeImages images, InputShape target) {
        InputShape source = images.shape();
        checkChannels(source, target);
        Resizer resizer = new Resizer(source.height(), source.width(), target.height(), target.width());
        int sourceVolume = LabeledImages.volume(source);
        int targetVolume = LabeledImages.volume(target);
        float[] pixels = new float[images.size() * targetVolume];
        byte[] bytes = images.pixels();
        IntStream.range(0, images.size()).parallel().forEach(i -> {
            float[] converted = Channels.convert(bytes, i * sourceVolume, source, target.channels());
            resizer.resize(converted, 0, pixels, i * targetVolume, target.channels());
        });
        return new LabeledImages(pixels, images.labels().clone(), target);
    }

    /** Per-channel mean and standard deviation over all pixels of {@code images}. */
    static ChannelStatistics statistics(LabeledImages images) {
        int channels = images.shape().channels();
        int plane = images.shape().height() * images.shape().width();
        double[] mean = new double[channels];
        double[] std = new double[channels];
        float[] pixels = images.pixels();
        long count = (long) images.size() * plane;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < images.size(); i++) {
                int start = (i * channels + c) * plane;
                for (int p = start; p < start + plane; p++) {
                    double v = pixels[p];
                    sum += v;
                    squares += v * v;
                }
            }
            mean[c] = sum / count;
            double variance = Math.max(0, squares / count - mean[c] * mean[c]);
            std[c] = Math.sqrt(variance) < MIN_STD ? 1 : Math.sqrt(variance);
        }
        return new ChannelStatistics(mean, std);
    }

    /** Normalises {@code images} in place. */
    static void normalise(LabeledImages images, ChannelStatistics statistics) {
        int channels = images.shape().channels();
        int plane = images.shape().height() * images.shape().width();
        float[] pixels = images.pixels();
        double[] means = statistics.mean();
        double[] stds = statistics.std();
        for (int i = 0; i < images.size(); i++) {
            for (int c = 0; c < channels; c++) {
                float mean = (float) means[c];
                float inverse = (float) (1 / stds[c]);
                int start = (i * channels + c) * plane;
                for (int p = start; p < start + plane; p++) {
                    pixels[p] = (pixels[p] - mean) * inverse;
                }
            }
        }
    }

    private static void checkChannels(InputShape source, InputShape target) {
        int from = source.channels();
        int to = target.channels();
        if (from != to && !(from == 1 && to == 3) && !(from == 3 && to == 1)) {
            throw new IllegalArgumentException("cannot convert " + from + "-channel images to " + to
                    + " channels (target shape " + target + ")");
        }
    }
}
