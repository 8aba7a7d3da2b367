package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small learnable images: class k lights up quadrant k, under noise. */
public final class SyntheticData {

    private SyntheticData() {
    }

    public static TrialData quadrants(InputShape shape, int trainPerClass, int valPerClass, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            names.add("quadrant" + k);
        }
        return new TrialData(images(shape, trainPerClass, random), images(shape, valPerClass, random), 4, names);
    }

    private static LabeledImages images(InputShape shape, int perClass, SplittableRandom random) {
        int n = perClass * 4;
        int c = shape.channels();
        int h = shape.height();
        int w = shape.width();
        float[] pixels = new float[n * c * h * w];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = i % 4;
            labels[i] = label;
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int quadrant = (y < h / 2 ? 0 : 2) + (x < w / 2 ? 0 : 1);
                        float signal = quadrant == label ? 1f : 0f;
                        pixels[((i * c + ch) * h + y) * w + x] = signal + (float) random.nextGaussian() * 0.5f;
                    }
                }
            }
        }
        return new LabeledImages(pixels, labels, shape);
    }
}
