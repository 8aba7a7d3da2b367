package dev.hpo.runner.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.runner.data.SyntheticData;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.engine.Measurement;
import dev.hpo.runner.engine.SimulatedClock;
import dev.hpo.runner.engine.TrialClock;
import dev.hpo.runner.engine.TrainingListener;
import dev.hpo.runner.engine.TrialResult;
import dev.hpo.runner.engine.TrialStatus;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import dev.hpo.trial.Optimizer;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrainingOptionsBuilder;
import dev.hpo.trial.TrialPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Dl4jEngineTest {

    private static final InputShape SHAPE = InputShape.of(1, 12, 12);
    private static final ArchitectureSpec SPEC = new ArchitectureSpec(ModelFamily.RESNET9, SHAPE, 4, 0.4, 0.125, 1);
    private static final DataSpec DATA = new DataSpec(Dataset.FASHION_MNIST, Optional.empty(), 32, 16, 0);
    private static final TrialData SYNTHETIC = SyntheticData.quadrants(SHAPE, 32, 16, 7);
    private static final TrainingOptions OPTIONS = TrainingOptionsBuilder.defaults()
            .batchSize(16).learningRate(0.05).cropPadding(0).flip(false).build();

    /** Cap of the stall tests: room for the set-up and an epoch of 8 tiny steps. */
    private static final int STALL_CAP = 8;
    /** Cap of the learning test: four epochs on the simulated clock spend about a third of it, past the warm-up. */
    private static final int LEARNING_CAP = 5;
    /**
     * How far the simulated trial clock moves each time an engine reads it: the tests that depend on time run on
     * that clock, so a busy machine cannot change what they see.
     */
    private static final Duration TICK = Duration.ofMillis(10);

    private final Dl4jEngine engine = new Dl4jEngine();

    @Test
    void learnsAndReportsEveryEpochUntilTheListenerStopsIt() {
        List<Measurement> heard = new ArrayList<>();

        // A generous cap: this test is about learning, so the listener, not the clock, ends it. The learning rate
        // follows the share of the cap spent, so the trial runs on the simulated clock: what it learns in four
        // epochs is the same on a busy machine as on an idle one.
        TrialResult result = engine.train(plan(OPTIONS, Duration.ofSeconds(LEARNING_CAP)), SYNTHETIC, m -> {
            heard.add(m);
            return m.epoch() < 4;
        }, new SimulatedClock(TICK).start());

        assertThat(result.status()).as(result.toString()).isEqualTo(TrialStatus.STOPPED);
        assertThat(result.epochs()).isEqualTo(4);
        assertThat(result.steps()).as("128 images in batches of 16").isEqualTo(4 * 8);
        assertThat(result.accuracy()).as("chance is 0.25").isGreaterThan(0.4);
        assertThat(result.validationImages()).isEqualTo(SYNTHETIC.validation().size());
        assertThat(result.engine()).isEqualTo("dl4j");
        assertThat(result.params()).isEqualTo(dev.hpo.arch.CostModel.of(SPEC).params());
        assertThat(heard).isEqualTo(result.measurements());
        assertThat(heard).extracting(Measurement::epoch).containsExactly(1, 2, 3, 4);
        assertThat(heard).extracting(Measurement::elapsedSeconds).isSorted();
        assertThat(heard.get(heard.size() - 1).validationAccuracy()).isEqualTo(result.accuracy());
    }

    @Test
    void theWholeTrialEndsWithinAShortCapCountedFromTheTrialsStart() {
        SimulatedClock time = new SimulatedClock(TICK);
        TrialClock clock = time.start();
        time.advance(Duration.ofMillis(2500)); // reading the data counts against the cap
        int cap = 5;

        TrialResult result = engine.train(plan(OPTIONS, Duration.ofSeconds(cap)), SYNTHETIC,
                TrainingListener.none(), clock);

        assertThat(result.status()).as(result.toString()).isEqualTo(TrialStatus.COMPLETE);
        assertThat(result.steps()).isPositive();
        assertThat(result.validationImages()).isEqualTo(SYNTHETIC.validation().size());
        assertThat(result.wallSeconds()).isGreaterThan(2.5).isLessThanOrEqualTo(clock.elapsedSeconds());
        assertThat(clock.elapsedSeconds()).as("the whole trial, on its own clock").isLessThanOrEqualTo(cap);
    }

    @Test
    void aCapTooShortToTrainFailsWithThatReasonInsteadOfOverrunning() {
        TrialClock clock = TrialClock.startNow();

        TrialResult result = engine.train(plan(OPTIONS, Duration.ofMillis(1)), SYNTHETIC, TrainingListener.none(),
                clock);

        assertThat(result.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(result.failure()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("time cap of 0.0s too short").contains("no time to train"));
        assertThat(result.steps()).isZero();
        assertThat(result.validationImages()).isZero();
    }

    @Test
    void divergenceFailsTheTrialWithItsReason() {
        TrainingOptions absurd = TrainingOptionsBuilder.from(OPTIONS).optimizer(Optimizer.ADAM).learningRate(1e12)
                .weightDecay(0).build();

        TrialResult result = engine.train(plan(absurd, Duration.ofSeconds(300)), SYNTHETIC, TrainingListener.none());

        assertThat(result.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(result.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("diverged"));
        assertThat(result.wallSeconds()).isLessThan(300);
    }

    @Test
    void weightsThatStopBeingFiniteFailTheTrialBeforeTheyAreScored() {
        // A learning rate beyond float's range (from the first step on: no warm-up) makes the first update
        // non-finite while that step's loss, taken before the update, is still finite; one step is a whole epoch
        // here, so the check before the epoch's measurement is what sees it.
        TrainingOptions overflowing = TrainingOptionsBuilder.from(OPTIONS).batchSize(SYNTHETIC.train().size())
                .learningRate(1e39).warmupFraction(0).build();
        List<Measurement> heard = new ArrayList<>();

        TrialResult result = engine.train(plan(overflowing, Duration.ofSeconds(300)), SYNTHETIC, heard::add);

        assertThat(result.status()).as(result.toString()).isEqualTo(TrialStatus.FAILED);
        assertThat(result.failure()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("diverged").contains("weights no longer finite after step 1"));
        assertThat(result.steps()).isEqualTo(1);
        assertThat(heard).as("a diverged network is never scored").isEmpty();
        assertThat(result.validationImages()).isZero();
    }

    @Test
    void aTrainedTrialLeftNoTimeToEvaluateEndsCompleteWithItsLastEpochsScore() {
        SimulatedClock time = new SimulatedClock(TICK);
        TrialClock clock = time.start();
        List<Measurement> heard = new ArrayList<>();

        // The stall lasts past the cap: no time is left for even one evaluation batch.
        TrialResult result = trainStallingAfterTheFirstEpoch(time, clock, STALL_CAP + 0.05, heard);

        assertThat(heard).as("one epoch of 8 tiny steps is measured within %d s", STALL_CAP).hasSize(1);
        Measurement lastEpoch = heard.get(0);
        assertThat(result.status()).as(result.toString()).isEqualTo(TrialStatus.COMPLETE);
        assertThat(result.failure()).isEmpty();
        assertThat(result.accuracy()).isEqualTo(lastEpoch.validationAccuracy());
        assertThat(result.validationImages()).isEqualTo(lastEpoch.validationImages());
        assertThat(result.flipAveraged()).isFalse();
        assertThat(result.scoredAtStep()).isEqualTo(lastEpoch.step());
        assertThat(result.measurements()).as("no final measurement was taken").containsExactly(lastEpoch);
    }

    @Test
    void aLastStepThatRanLateStillGetsOneClassBalancedBatchScoredWithinTheCap() {
        SimulatedClock time = new SimulatedClock(TICK);
        TrialClock clock = time.start();
        List<Measurement> heard = new ArrayList<>();

        // The stall ends inside the 0.5 s kept free for bookkeeping: too late for the paced evaluation, in time for
        // one batch (the 64 validation images of this tiny network take a tick).
        TrialResult result = trainStallingAfterTheFirstEpoch(time, clock, STALL_CAP - 0.45, heard);

        assertThat(heard).as("the first epoch's and the final measurement").hasSize(2);
        assertThat(result.status()).as(result.toString()).isEqualTo(TrialStatus.COMPLETE);
        assertThat(result.scoredAtStep()).as("the final network was scored").isEqualTo(result.steps());
        assertThat(result.validationImages()).isEqualTo(SYNTHETIC.validation().size());
        assertThat(result.flipAveraged()).as("a last chance takes no mirrored images").isFalse();
        assertThat(result.accuracy()).isEqualTo(heard.get(1).validationAccuracy());
        assertThat(clock.elapsedSeconds()).isLessThanOrEqualTo(STALL_CAP);
    }

    @Test
    void aListenerCanStopTheTrialAfterAnEpoch() {
        TrialResult result = engine.train(plan(OPTIONS, Duration.ofSeconds(300)), SYNTHETIC, m -> false);

        assertThat(result.status()).isEqualTo(TrialStatus.STOPPED);
        assertThat(result.epochs()).isEqualTo(1);
        assertThat(result.measurements()).hasSize(1);
        assertThat(result.accuracy()).isEqualTo(result.measurements().get(0).validationAccuracy());
    }

    @Test
    void trainsTheWholeRecipeSamCentralizationWhiteningCeluCutoutAndFlipAveraging() {
        TrainingOptions options = TrainingOptionsBuilder.from(OPTIONS).optimizer(Optimizer.ADAMW).learningRate(0.003)
                .samRho(0.05).gradientCentralization(true).whitening(true)
                .activation(dev.hpo.trial.Activation.CELU).cropPadding(1).flip(true).cutout(3)
                .flipTestTimeAugmentation(true).build();

        // On the simulated clock every step takes as long as the ones before it, so the evaluation held back for the
        // end is there when training stops, whatever else the machine is doing.
        TrialResult result = engine.train(plan(options, Duration.ofSeconds(3)), SYNTHETIC, TrainingListener.none(),
                new SimulatedClock(TICK).start());

        assertThat(result.status()).as(result.toString()).isEqualTo(TrialStatus.COMPLETE);
        assertThat(result.steps()).isPositive();
        assertThat(result.finalLoss()).isFinite();
        assertThat(result.flipAveraged()).isTrue();
        assertThat(result.validationImages()).isEqualTo(SYNTHETIC.validation().size());
    }

    @Test
    void rejectsDataOfAnotherShape() {
        TrialData wrong = SyntheticData.quadrants(InputShape.of(1, 10, 10), 2, 2, 1);

        assertThatThrownBy(() -> engine.train(plan(OPTIONS, Duration.ofSeconds(5)), wrong, TrainingListener.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1x10x10");
    }

    /**
     * Trains under a {@link #STALL_CAP} cap on a simulated machine that stalls after the first epoch's measurement
     * until {@code stallUntil} seconds into the trial, as a slow last step would; every measurement lands in
     * {@code heard}.
     */
    private TrialResult trainStallingAfterTheFirstEpoch(SimulatedClock time, TrialClock clock, double stallUntil,
                                                        List<Measurement> heard) {
        return engine.train(plan(OPTIONS, Duration.ofSeconds(STALL_CAP)), SYNTHETIC, m -> {
            heard.add(m);
            if (heard.size() == 1) {
                time.advance(Duration.ofNanos((long) ((stallUntil - clock.elapsedSeconds()) * 1e9)));
            }
            return true;
        }, clock);
    }

    private static TrialPlan plan(TrainingOptions options, Duration cap) {
        return new TrialPlan(SPEC, DATA, options, cap);
    }
}
