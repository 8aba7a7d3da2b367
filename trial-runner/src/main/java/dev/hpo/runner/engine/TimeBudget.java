package dev.hpo.runner.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a trial's wall-clock cap between training and the final evaluation, so that the whole trial, counted
 * from its {@link TrialClock}'s start (data reading and network building included), ends within the cap.
 *
 * <p>The final evaluation's time is reserved from measured throughput: from the evaluations already run when there
 * are any, otherwise from the training throughput once two steps are known (inference costs about a third of a
 * training step), with a safety factor while it is only a guess. The reservation never exceeds a quarter of the
 * training window: when the whole validation set would take longer, the evaluation covers the part that fits.
 */
public final class TimeBudget {

    /** A forward pass costs roughly a third of forward + backward + update. */
    private static final double INFERENCE_SPEEDUP = 3.0;
    private static final double GUESS_SAFETY = 1.5;
    private static final double MEASURED_SAFETY = 1.15;
    /** The most of the training window the final evaluation may take; training gets the rest. */
    private static final double MAX_EVALUATION_SHARE = 0.25;
    private static final int RECENT_STEPS = 9;

    private final double capSeconds;
    private final TrialClock clock;
    private final double slackSeconds;
    private final double[] recentStepSeconds = new double[RECENT_STEPS];
    private int stepsSeen;
    private double stepImages;
    private double evaluationImagesPerSecond = Double.NaN;
    private double trainingStartSeconds;

    /**
     * @param cap the whole trial's wall-clock limit
     * @param slackSeconds kept free at the end for bookkeeping after the evaluation
     * @param clock when the trial started
     */
    public TimeBudget(Duration cap, double slackSeconds, TrialClock clock) {
        if (cap.isNegative() || cap.isZero()) {
            throw new IllegalArgumentException("time cap must be positive, got " + cap);
        }
        this.capSeconds = cap.toNanos() / 1e9;
        this.slackSeconds = slackSeconds;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public double elapsedSeconds() {
        return clock.elapsedSeconds();
    }

    public double capSeconds() {
        return capSeconds;
    }

    /** Seconds left before the cap, less the slack kept for what follows the evaluation; may be negative. */
    public double remainingSeconds() {
        return capSeconds - slackSeconds - elapsedSeconds();
    }

    /**
     * Seconds left before the cap itself, the slack kept for the bookkeeping after the evaluation included (that
     * takes milliseconds): what a last-chance evaluation of a network whose final step ran late may use.
     */
    public double secondsToTheCap() {
        return capSeconds - elapsedSeconds();
    }

    /**
     * Marks the end of the set-up (data, network, first measurements): the learning-rate schedule and the
     * evaluation's share count from here.
     */
    public void startTraining() {
        trainingStartSeconds = elapsedSeconds();
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

    /** Tells the budget how many images a training step takes, before the first step is measured. */
    public void expectStepsOf(int images) {
        stepImages = images;
    }

    /**
     * Typical duration of a training step: the median of the recent ones once two are known (the first pays for
     * JIT compilation and kernel setup and forecasts nothing); until then guessed from the inference throughput
     * when it is known, otherwise 0.
     */
    public double stepSeconds() {
        if (stepsSeen <= 1) {
            return Double.isNaN(evaluationImagesPerSecond) ? 0
                    : INFERENCE_SPEEDUP * stepImages / evaluationImagesPerSecond;
        }
        int n = Math.min(stepsSeen - 1, RECENT_STEPS);
        double[] recent = Arrays.copyOf(recentStepSeconds, n);
        Arrays.sort(recent);
        return recent[n / 2];
    }

    /**
     * The slowest of the recent steps (or the guess {@link #stepSeconds()} makes before two are known): what the
     * next step may take on a machine whose speed varies, so that stopping in time does not depend on luck.
     */
    public double slowStepSeconds() {
        if (stepsSeen <= 1) {
            return stepSeconds();
        }
        int n = Math.min(stepsSeen - 1, RECENT_STEPS);
        double slowest = 0;
        for (int i = 0; i < n; i++) {
            slowest = Math.max(slowest, recentStepSeconds[i]);
        }
        return slowest;
    }

    /** Estimated seconds to evaluate {@code images} forward passes, with a safety margin. */
    public double evaluationSeconds(int images) {
        if (!Double.isNaN(evaluationImagesPerSecond)) {
            return MEASURED_SAFETY * images / evaluationImagesPerSecond;
        }
        if (stepsSeen < 2) {
            // One warm-up step says little about steady-state speed; guessing from it starved short trials.
            return 0;
        }
        double guessedRate = INFERENCE_SPEEDUP * stepImages / stepSeconds();
        return GUESS_SAFETY * images / guessedRate;
    }

    /** Whether {@code images} forward passes are expected to end before the cap (less the slack). */
    public boolean evaluationFits(int images) {
        return evaluationSeconds(images) <= remainingSeconds();
    }

    /** Seconds reserved for a final evaluation of {@code images} forward passes: capped at a share of the window. */
    public double reservedEvaluationSeconds(int images) {
        double window = Math.max(0, capSeconds - slackSeconds - trainingStartSeconds);
        return Math.min(evaluationSeconds(images), MAX_EVALUATION_SHARE * window);
    }

    /** Seconds from the trial's start by which training must end to leave room for the final evaluation. */
    public double trainingDeadlineSeconds(int finalEvaluationImages) {
        return Math.max(0, capSeconds - slackSeconds - reservedEvaluationSeconds(finalEvaluationImages));
    }

    /** Share of the training window used so far, in [0, 1]: drives the learning-rate schedule. */
    public double trainingFraction(int finalEvaluationImages) {
        double window = trainingDeadlineSeconds(finalEvaluationImages) - trainingStartSeconds;
        return window <= 0 ? 1 : Math.min(1, Math.max(0, (elapsedSeconds() - trainingStartSeconds) / window));
    }

    /**
     * Whether one more step, as slow as the slowest recent one, plus {@code extraSeconds} of other work, still ends
     * before the training deadline.
     */
    public boolean hasRoomFor(double extraSeconds, int finalEvaluationImages) {
        return elapsedSeconds() + slowStepSeconds() + extraSeconds <= trainingDeadlineSeconds(finalEvaluationImages);
    }
}
