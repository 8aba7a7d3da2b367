package dev.hpo.bench.data;

import dev.hpo.arch.InputShape;
import dev.hpo.runner.data.Augmentation;
import dev.hpo.runner.data.BatchStream;
import dev.hpo.runner.data.DataException;
import dev.hpo.runner.data.LabeledImages;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.data.TrialDataLoader;
import dev.hpo.trial.DataSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Measures the data pipeline: how long loading a trial's subsets takes (read, subset, resize, normalise) and how
 * many augmented batches per second a {@link BatchStream} delivers when nothing else consumes them. The load is
 * repeated with successive subset seeds, as repeats of a trial would, and the median reported.
 */
public final class DataBenchmark {

    /**
     * @param shape the images' shape after resizing
     * @param trainImages images in the training subset
     * @param validationImages images in the validation subset
     * @param loadMillisMedian median wall time of one load
     * @param loadMillisMin fastest load
     * @param batchesPerSecond batches the stream prepared per second
     * @param imagesPerSecond the same in images
     */
    public record Figures(InputShape shape, int trainImages, int validationImages, double loadMillisMedian,
                          double loadMillisMin, double batchesPerSecond, double imagesPerSecond) {
    }

    private DataBenchmark() {
    }

    /**
     * @param loads how many loads to time, at least 1
     * @param streamFor how long to draw batches
     * @throws DataException as {@link TrialDataLoader#load} does
     */
    public static Figures run(DataSpec spec, InputShape target, int loads, int batchSize, Augmentation augmentation,
                              Duration streamFor) {
        Objects.requireNonNull(streamFor, "streamFor");
        if (loads < 1) {
            throw new IllegalArgumentException("loads must be at least 1, got " + loads);
        }
        double[] millis = new double[loads];
        TrialData data = null;
        for (int run = 0; run < loads; run++) {
            long start = System.nanoTime();
            data = TrialDataLoader.load(spec.withSubsetSeed(spec.subsetSeed() + run), target);
            millis[run] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        double median = loads % 2 == 1 ? millis[loads / 2] : (millis[loads / 2 - 1] + millis[loads / 2]) / 2;
        double batchesPerSecond = batchRate(data.train(), batchSize, augmentation, streamFor);
        return new Figures(target, data.train().size(), data.validation().size(), median, millis[0],
                batchesPerSecond, batchesPerSecond * batchSize);
    }

    private static double batchRate(LabeledImages images, int batchSize, Augmentation augmentation,
                                    Duration streamFor) {
        try (BatchStream stream = new BatchStream(images, batchSize, augmentation, 0)) {
            stream.next();
            long start = System.nanoTime();
            long end = start + streamFor.toNanos();
            int batches = 0;
            long now;
            do {
                stream.next();
                batches++;
                now = System.nanoTime();
            } while (now < end);
            return batches / ((now - start) / 1e9);
        }
    }
}
