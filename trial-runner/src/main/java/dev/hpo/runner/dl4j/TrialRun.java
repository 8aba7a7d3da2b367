package dev.hpo.runner.dl4j;

import dev.hpo.arch.ArchitectureCost;
import dev.hpo.runner.data.Augmentation;
import dev.hpo.runner.data.BatchStream.Batch;
import dev.hpo.runner.data.BatchStream;
import dev.hpo.runner.data.LabeledImages;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.engine.Measurement;
import dev.hpo.runner.engine.TimeBudget;
import dev.hpo.runner.engine.TrainingListener;
import dev.hpo.runner.engine.TrialResult;
import dev.hpo.runner.engine.TrialStatus;
import dev.hpo.runner.engine.WarmupCosineSchedule;
import dev.hpo.trial.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.NetworkUtils;

/**
 * One trial's training loop: steps until the time budget leaves just enough for the final evaluation, measures
 * after every epoch while there is room, and ends as complete, stopped or failed.
 */
final class TrialRun {

    private static final int EVALUATION_BATCH = 256;

    private final String engine;
    private final ComputationGraph net;
    private final TrainingOptions options;
    private final TrialData data;
    private final TimeBudget budget;
    private final TrainingListener listener;
    private final ArchitectureCost cost;
    private final WarmupCosineSchedule schedule;
    private final int finalEvaluationImages;
    private final List<Measurement> curve = new ArrayList<>();

    private int epochs;
    private long steps;
    private double trainSeconds;
    private long trainedImages;
    private double lossSum;
    private int lossCount;
    private double lastLoss = Double.NaN;

    TrialRun(String engine, ComputationGraph net, TrainingOptions options, TrialData data, TimeBudget budget,
             TrainingListener listener, ArchitectureCost cost) {
        this.engine = engine;
        this.net = net;
        this.options = options;
        this.data = data;
        this.budget = budget;
        this.listener = listener;
        this.cost = cost;
        this.schedule = new WarmupCosineSchedule(options.learningRate(), options.warmupFraction());
        this.finalEvaluationImages = data.validation().size() * (options.flipTestTimeAugmentation() ? 2 : 1);
    }

    TrialResult run() {
        LabeledImages train = data.train();
        int batchSize = Math.min(options.batchSize(), train.size());
        Augmentation augmentation = new Augmentation(options.cropPadding(), options.flip(), options.cutout());
        TrainingStep step = new TrainingStep(net, options.samRho(), options.gradientCentralization());
        budget.recordEvaluation(Evaluation.batchSeconds(net, data.validation(), evaluationBatch()), evaluationBatch());
        try (BatchStream stream = new BatchStream(train, batchSize, augmentation, options.seed())) {
            while (budget.hasRoomFor(0, finalEvaluationImages)) {
                Batch batch = stream.next();
                NetworkUtils.setLearningRate(net, schedule.at(budget.trainingFraction(finalEvaluationImages)));
                long start = System.nanoTime();
                double loss = step.take(Batches.features(batch.pixels(), batch.size(), train.shape()),
                        Batches.smoothedLabels(batch.labels(), batch.size(), data.classes(), options.labelSmoothing()),
                        (int) steps, epochs);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!Double.isFinite(loss) || !Double.isFinite(net.params().sumNumber().doubleValue())) {
                    return failed("training diverged: loss " + loss + " at step " + (steps + 1) + " (epoch "
                            + (epochs + 1) + "); try a lower learning rate");
                }
                budget.recordStep(seconds, batch.size());
                trainSeconds += seconds;
                trainedImages += batch.size();
                steps++;
                lossSum += loss;
                lossCount++;
                if (batch.lastOfEpoch()) {
                    epochs++;
                    net.getConfiguration().setEpochCount(epochs);
                    Optional<TrialResult> stopped = measureEpoch();
                    if (stopped.isPresent()) {
                        return stopped.get();
                    }
                }
            }
        }
        double accuracy = evaluate(options.flipTestTimeAugmentation());
        Measurement last = measurement(accuracy);
        curve.add(last);
        listener.onMeasurement(last);
        return result(TrialStatus.COMPLETE, Optional.empty(), accuracy);
    }

    /** Evaluates after an epoch when the budget allows; a stop from the listener ends the trial here. */
    private Optional<TrialResult> measureEpoch() {
        if (!budget.hasRoomFor(budget.evaluationSeconds(data.validation().size()), finalEvaluationImages)) {
            return Optional.empty();
        }
        Measurement measurement = measurement(evaluate(false));
        curve.add(measurement);
        if (!listener.onMeasurement(measurement)) {
            return Optional.of(result(TrialStatus.STOPPED, Optional.empty(), measurement.validationAccuracy()));
        }
        return Optional.empty();
    }

    private double evaluate(boolean flipAveraging) {
        long start = System.nanoTime();
        double accuracy = Evaluation.accuracy(net, data.validation(), evaluationBatch(), flipAveraging);
        budget.recordEvaluation((System.nanoTime() - start) / 1e9,
                data.validation().size() * (flipAveraging ? 2 : 1));
        return accuracy;
    }

    /** Inference needs no activations kept for backprop, so it takes larger batches: fewer, cheaper calls. */
    private int evaluationBatch() {
        return Math.min(Math.max(options.batchSize(), EVALUATION_BATCH), data.validation().size());
    }

    /** A measurement closing the current stretch of steps; its loss is the mean since the previous one. */
    private Measurement measurement(double accuracy) {
        if (lossCount > 0) {
            lastLoss = lossSum / lossCount;
        }
        lossSum = 0;
        lossCount = 0;
        return new Measurement(epochs, steps, budget.elapsedSeconds(), lastLoss, accuracy);
    }

    private TrialResult failed(String reason) {
        return result(TrialStatus.FAILED, Optional.of(reason), Double.NaN);
    }

    private TrialResult result(TrialStatus status, Optional<String> failure, double accuracy) {
        double imagesPerSecond = trainSeconds > 0 ? trainedImages / trainSeconds : 0;
        double finalLoss = lossCount > 0 ? lossSum / lossCount : lastLoss;
        return new TrialResult(engine, status, failure, accuracy, cost.macs(), cost.params(), epochs, steps,
                budget.elapsedSeconds(), trainSeconds, imagesPerSecond, finalLoss, curve);
    }
}
