package dev.hpo.bench.trainer;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.runner.dl4j.Batches;
import dev.hpo.runner.dl4j.GraphFactory;
import dev.hpo.runner.dl4j.OneDnnHelpers;
import dev.hpo.runner.dl4j.TrainingStep;
import dev.hpo.trial.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training throughput of the DL4J engine's own step on random data: what the data pipeline cannot slow down, and
 * what the benchmark compares with PyTorch. The network is built and stepped by the engine's classes, as a trial
 * builds and steps it.
 */
final class Dl4jThroughput {

    /**
     * @param imagesPerSecond images trained per second over the measured steps
     * @param stepSeconds every measured step's duration, in order
     * @param oneDnnHelpers whether the convolutions ran through oneDNN
     */
    record Result(double imagesPerSecond, List<Double> stepSeconds, boolean oneDnnHelpers) {

        double medianStepSeconds() {
            double[] sorted = stepSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
        }
    }

    private Dl4jThroughput() {
    }

    /**
     * Takes {@code warmupSteps} untimed steps (JIT, oneDNN primitive creation), then steps for at least
     * {@code seconds}.
     */
    static Result measure(ArchitectureSpec architecture, TrainingOptions options, int warmupSteps, double seconds) {
        ComputationGraph net = GraphFactory.build(architecture.layout(), options);
        InputShape shape = architecture.scaledInput();
        int batch = options.batchSize();
        SplittableRandom random = new SplittableRandom(options.seed());
        float[] pixels = new float[batch * shape.channels() * shape.height() * shape.width()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        int[] labels = random.ints(batch, 0, architecture.classes()).toArray();
        INDArray features = Batches.features(pixels, batch, shape);
        INDArray targets = Batches.smoothedLabels(labels, batch, architecture.classes(), options.labelSmoothing());
        TrainingStep step = new TrainingStep(net, options.samRho(), options.gradientCentralization());
        int iteration = 0;
        for (; iteration < warmupSteps; iteration++) {
            step.take(features, targets, iteration, 0);
        }
        List<Double> durations = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now = start;
        while (now < end || durations.isEmpty()) {
            step.take(features, targets, iteration++, 0);
            long after = System.nanoTime();
            durations.add((after - now) / 1e9);
            now = after;
        }
        double total = (now - start) / 1e9;
        return new Result(durations.size() * batch / total, List.copyOf(durations), OneDnnHelpers.activeIn(net));
    }
}
