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
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * One trial's training loop: steps until the time budget leaves just enough for the final evaluation, measures
 * after every epoch while there is room, and ends as complete, stopped or failed. Every evaluation stops between
 * batches when the time it may use runs out, so the trial ends within its cap even when the machine slows down.
 * A trained network is not thrown away for want of time: when the final evaluation gets no batch in, one batch may
 * still use the bookkeeping slack, and failing that the last epoch's measurement is the trial's score.
 */
final class TrialRun {

    private static final int EVALUATION_BATCH = 256;

    private final String engine;
    private final ComputationGraph net;
    private final TrainingOptions options;
    private final TrialData data;
    private final LabeledImages validation;
    private final TimeBudget budget;
    private final TrainingListener listener;
    private final ArchitectureCost cost;
    private final WarmupCosineSchedule schedule;
    private final int finalEvaluationPasses;
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
        this.validation = data.validation().interleavedByClass();
        this.budget = budget;
        this.listener = listener;
        this.cost = cost;
        this.schedule = new WarmupCosineSchedule(options.learningRate(), options.warmupFraction());
        this.finalEvaluationPasses = validation.size() * (options.flipTestTimeAugmentation() ? 2 : 1);
    }

    TrialResult run() {
        LabeledImages train = data.train();
        int batchSize = Math.min(options.batchSize(), train.size());
        Augmentation augmentation = new Augmentation(options.cropPadding(), options.flip(), options.cutout());
        TrainingStep step = new TrainingStep(net, options.samRho(), options.gradientCentralization());
        LearningRate learningRate = new LearningRate(net);
        budget.recordEvaluation(Evaluation.batchSeconds(net, validation, evaluationBatch(), budget::elapsedSeconds),
                evaluationBatch());
        budget.expectStepsOf(batchSize);
        budget.startTraining();
        try (BatchStream stream = new BatchStream(train, batchSize, augmentation, options.seed())) {
            // Twice the estimated evaluation is held back: one slow step on a busy machine must not eat the
            // final evaluation, which is what the trial is for.
            // The budget learns whole rounds of this loop (waiting for the batch and deciding included), since
            // that is what one more step costs; the throughput counts the training steps alone.
            double roundStart = budget.elapsedSeconds();
            while (budget.hasRoomFor(0, 2 * finalEvaluationPasses)) {
                Batch batch = stream.next();
                learningRate.set(schedule.at(budget.trainingFraction(finalEvaluationPasses)));
                double start = budget.elapsedSeconds();
                double loss = step.take(Batches.features(batch.pixels(), batch.size(), train.shape()),
                        Batches.smoothedLabels(batch.labels(), batch.size(), data.classes(), options.labelSmoothing()),
                        (int) steps, epochs);
                double end = budget.elapsedSeconds();
                double seconds = end - start;
                // The loss is taken before the update, so non-finite weights show in the next step's loss; the
                // last step's update is checked where it matters, before any evaluation.
                if (!Double.isFinite(loss)) {
                    return failed(diverged("loss " + loss + " at step " + (steps + 1) + " (epoch " + (epochs + 1)
                            + ")"));
                }
                budget.recordStep(end - roundStart, batch.size());
                roundStart = end;
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
                    roundStart = budget.elapsedSeconds();
                }
            }
        }
        if (steps == 0) {
            return failed(String.format(Locale.ROOT, "time cap of %.1fs too short: reading the data, building the"
                    + " network and measuring it took %.1fs, leaving no time to train", budget.capSeconds(),
                    budget.elapsedSeconds()));
        }
        if (!parametersFinite()) {
            return failed(divergedParameters());
        }
        // Mirrored images double the evaluation's cost: averaged in only when the whole set fits that way.
        boolean flipAveraging = options.flipTestTimeAugmentation()
                && budget.evaluationFits(2 * validation.size());
        Evaluation.Score score = evaluate(flipAveraging, budget::remainingSeconds, Integer.MAX_VALUE);
        if (score.images() == 0) {
            // A last step slower than any before it ate the reserve. The validation set is ordered so that one
            // batch is balanced between the classes: a fair, if rough, score of the final network.
            score = evaluate(false, budget::secondsToTheCap, 1);
        }
        if (score.images() == 0) {
            if (!curve.isEmpty()) {
                Measurement lastEpoch = curve.get(curve.size() - 1);
                return result(TrialStatus.COMPLETE, Optional.empty(),
                        new Evaluation.Score(lastEpoch.validationAccuracy(), lastEpoch.validationImages(), false),
                        lastEpoch.step());
            }
            return failed(String.format(Locale.ROOT, "time cap of %.1fs too short: no time was left to evaluate"
                    + " after %d training steps", budget.capSeconds(), steps));
        }
        Measurement last = measurement(score);
        curve.add(last);
        listener.onMeasurement(last);
        return result(TrialStatus.COMPLETE, Optional.empty(), score, steps);
    }

    /**
     * Whether every weight is finite: one pass over all of them, so taken only before the network is evaluated,
     * where a diverged network would otherwise be scored at chance.
     */
    private boolean parametersFinite() {
        return Double.isFinite(net.params().sumNumber().doubleValue());
    }

    private String divergedParameters() {
        return diverged("weights no longer finite after step " + steps);
    }

    private static String diverged(String what) {
        return "training diverged: " + what + "; try a lower learning rate";
    }

    /**
     * Evaluates after an epoch when the budget allows; a stop from the listener, or weights that diverged, end the
     * trial here.
     */
    private Optional<TrialResult> measureEpoch() {
        if (!budget.hasRoomFor(budget.evaluationSeconds(validation.size()), finalEvaluationPasses)) {
            return Optional.empty();
        }
        if (!parametersFinite()) {
            return Optional.of(failed(divergedParameters()));
        }
        Evaluation.Score score = evaluate(false,
                () -> budget.trainingDeadlineSeconds(finalEvaluationPasses) - budget.elapsedSeconds(),
                Integer.MAX_VALUE);
        if (score.images() == 0) {
            return Optional.empty();
        }
        Measurement measurement = measurement(score);
        curve.add(measurement);
        if (!listener.onMeasurement(measurement)) {
            return Optional.of(result(TrialStatus.STOPPED, Optional.empty(), score, steps));
        }
        return Optional.empty();
    }

    /**
     * Evaluates batch after batch, at most {@code maxBatches}, while the next one is expected to end within
     * {@code secondsLeft}.
     */
    private Evaluation.Score evaluate(boolean flipAveraging, DoubleSupplier secondsLeft, int maxBatches) {
        return Evaluation.accuracy(net, validation, evaluationBatch(), flipAveraging, new Evaluation.Pacing() {
            private int batches;

            @Override
            public boolean allows(int forwardPasses) {
                return batches < maxBatches && budget.evaluationSeconds(forwardPasses) <= secondsLeft.getAsDouble();
            }

            @Override
            public void record(double seconds, int forwardPasses) {
                batches++;
                budget.recordEvaluation(seconds, forwardPasses);
            }
        }, budget::elapsedSeconds);
    }

    /** Inference needs no activations kept for backprop, so it takes larger batches: fewer, cheaper calls. */
    private int evaluationBatch() {
        return Math.min(Math.max(options.batchSize(), EVALUATION_BATCH), validation.size());
    }

    /** A measurement closing the current stretch of steps; its loss is the mean since the previous one. */
    private Measurement measurement(Evaluation.Score score) {
        if (lossCount > 0) {
            lastLoss = lossSum / lossCount;
        }
        lossSum = 0;
        lossCount = 0;
        return new Measurement(epochs, steps, budget.elapsedSeconds(), lastLoss, score.accuracy(), score.images());
    }

    private TrialResult failed(String reason) {
        return result(TrialStatus.FAILED, Optional.of(reason), new Evaluation.Score(Double.NaN, 0, false), 0);
    }

    private TrialResult result(TrialStatus status, Optional<String> failure, Evaluation.Score score,
                               long scoredAtStep) {
        double imagesPerSecond = trainSeconds > 0 ? trainedImages / trainSeconds : 0;
        double finalLoss = lossCount > 0 ? lossSum / lossCount : lastLoss;
        return new TrialResult(engine, status, failure, score.accuracy(), score.images(), score.flipAveraged(),
                scoredAtStep, cost.macs(), cost.params(), epochs, steps, budget.elapsedSeconds(), trainSeconds,
                imagesPerSecond, finalLoss, curve);
    }
}
