package dev.hpo.runner.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Splits a trial's wall-clock cap between training and the final evaluation, so that the whole trial ends within
 * the cap: training stops once the next step would eat into the time the evaluation needs.
 *
 * <p>The evaluation's time is estimated from measured throughput: from the evaluations already run when there are
 * any, otherwise from the training throughput once two steps are known (inference costs about a third of a
 * training step), with a safety factor while it is only a guess.
 */
public final class TimeBudget {

    /** A forward pass costs roughly a third of forward + backward + update. */
    private static final double INFERENCE_SPEEDUP = 3.0;
    private static final double GUESS_SAFETY = 1.5;
    private static final double MEASURED_SAFETY = 1.15;
    private static final int RECENT_STEPS = 9;

    private final long capNanos;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final double slackSeconds;
    private final double[] recentStepSeconds = new double[RECENT_STEPS];
    private int stepsSeen;
    private double stepImages;
    private double evaluationImagesPerSecond = Double.NaN;

    /**
     * @param cap the whole trial's wall-clock limit
     * @param slackSeconds kept free at the end for bookkeeping after the evaluation
     * @param nanoClock monotonic nanoseconds, e.g. {@code System::nanoTime}
     */
    public TimeBudget(Duration cap, double slackSeconds, LongSupplier nanoClock) {
        if (cap.isNegative() || cap.isZero()) {
            throw new IllegalArgumentException("time cap must be positive, got " + cap);
        }
        this.capNanos = cap.toNanos();
        this.slackSeconds = slackSeconds;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    public double elapsedSeconds() {
        return (nanoClock.getAsLong() - startNanos) / 1e9;
    }

    public double capSeconds() {
        return capNanos / 1e9;
    }

    /** Records one training step of {@code images} images that took {@code seconds}. */
    public void recordStep(double seconds, int images) {
        if (stepsSeen > 0) {
            recentStepSeconds[(stepsSeen - 1) % RECENT_STEPS] = seconds;
        }
        stepsSeen++;
        stepImages = images;
    }

    /** Records an evaluation of {@code images} forward passes that took {@code seconds}. */
    public void recordEvaluation(double seconds, int images) {
        if (seconds > 0 && images > 0) {
            evaluationImagesPerSecond = images / seconds;
        }
    }

    /**
     * Typical duration of a training step: the median of the recent ones; 0 until two are known, since the first
     * pays for JIT compilation and kernel setup and forecasts nothing.
     */
    public double stepSeconds() {
        if (stepsSeen <= 1) {
            return 0;
        }
        int n = Math.min(stepsSeen - 1, RECENT_STEPS);
        double[] recent = Arrays.copyOf(recentStepSeconds, n);
        Arrays.sort(recent);
        return recent[n / 2];
    }

    /** Estimated seconds to evaluate {@code images} forward passes. */
    public double evaluationSeconds(int images) {
        if (!Double.isNaN(evaluationImagesPerSecond)) {
            return MEASURED_SAFETY * images / evaluationImagesPerSecond;
        }
        if (stepsSeen < 2) {
            // One warm-up step says little about steady-state speed; guessing from it starved short trials.
            return 0;
        }
        double step = stepSeconds();
        double guessedRate = INFERENCE_SPEEDUP * stepImages / step;
        return GUESS_SAFETY * images / guessedRate;
    }

    /** Seconds from the trial's start by which training must end to leave room for the final evaluation. */
    public double trainingDeadlineSeconds(int finalEvaluationImages) {
        return Math.max(0, capSeconds() - slackSeconds - evaluationSeconds(finalEvaluationImages));
    }

    /** Share of the training time used so far, in [0, 1]: drives the learning-rate schedule. */
    public double trainingFraction(int finalEvaluationImages) {
        double deadline = trainingDeadlineSeconds(finalEvaluationImages);
        return deadline <= 0 ? 1 : Math.min(1, elapsedSeconds() / deadline);
    }

    /** Whether one more step, plus {@code extraSeconds} of other work, still ends before the training deadline. */
    public boolean hasRoomFor(double extraSeconds, int finalEvaluationImages) {
        return elapsedSeconds() + stepSeconds() + extraSeconds <= trainingDeadlineSeconds(finalEvaluationImages);
    }
}
