package dev.hpo.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {

    private final AtomicLong nanos = new AtomicLong(1_000);

    private void advance(double seconds) {
        nanos.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void reservesTheFinalEvaluationFromMeasuredThroughput() {
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(100), 0.5, TrialClock.startedOn(nanos::get));
        budget.recordStep(5.0, 100);
        budget.recordStep(1.0, 100);
        budget.recordEvaluation(2.0, 1000); // 500 images/s

        // 2000 images at 500/s = 4 s, plus 15 % margin, plus 0.5 s slack
        assertThat(budget.trainingDeadlineSeconds(2000)).isCloseTo(100 - 0.5 - 4.6, within(1e-9));
    }

    @Test
    void guessesEvaluationFromTrainingThroughputUntilMeasured() {
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(100), 0, TrialClock.startedOn(nanos::get));
        assertThat(budget.evaluationSeconds(1000)).isZero();
        budget.recordStep(20.0, 100);
        assertThat(budget.evaluationSeconds(1000)).as("a warm-up step alone is no evidence").isZero();

        budget.recordStep(1.0, 100);

        // inference guessed 3x faster than training (300 images/s), with a 1.5x margin
        assertThat(budget.evaluationSeconds(900)).isCloseTo(4.5, within(1e-9));
    }

    @Test
    void stopsTrainingWhenTheNextStepWouldEatIntoTheEvaluation() {
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(10), 0, TrialClock.startedOn(nanos::get));
        budget.recordStep(3.0, 100);
        budget.recordStep(1.0, 100);
        budget.recordEvaluation(1.0, 100); // 100 images at 100/s: 1.15 s reserved

        advance(7.8);
        assertThat(budget.hasRoomFor(0, 100)).isTrue();
        advance(0.1);
        assertThat(budget.hasRoomFor(0, 100)).isFalse();
    }

    @Test
    void trainingFractionGrowsWithElapsedTimeUpToOne() {
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(10), 0, TrialClock.startedOn(nanos::get));
        advance(5);
        assertThat(budget.trainingFraction(0)).isCloseTo(0.5, within(1e-9));
        advance(50);
        assertThat(budget.trainingFraction(0)).isEqualTo(1.0);
    }

    @Test
    void theSlowFirstStepForecastsNothing() {
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(10), 0, TrialClock.startedOn(nanos::get));
        budget.recordStep(5.0, 10);
        assertThat(budget.stepSeconds()).isZero();
        budget.recordStep(0.1, 10);
        assertThat(budget.stepSeconds()).isEqualTo(0.1);
    }

    @Test
    void trainingStopsEarlyEnoughForTheSlowestRecentStep() {
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(10), 0, TrialClock.startedOn(nanos::get));
        for (double seconds : new double[] {9, 0.1, 0.3, 0.2, 2.0, 0.2}) {
            budget.recordStep(seconds, 10);
        }
        assertThat(budget.slowStepSeconds()).as("the first step is warm-up, not evidence").isEqualTo(2.0);

        advance(7.9);
        assertThat(budget.hasRoomFor(0, 0)).isTrue();
        advance(0.2);
        assertThat(budget.hasRoomFor(0, 0)).isFalse();
    }

    @Test
    void stepTimeIsTheMedianOfRecentSteps() {
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(10), 0, TrialClock.startedOn(nanos::get));
        for (double seconds : new double[] {9, 0.1, 0.3, 0.2, 2.0, 0.2}) {
            budget.recordStep(seconds, 10);
        }
        assertThat(budget.stepSeconds()).isEqualTo(0.2);
    }

    @Test
    void theCapCountsFromTheTrialsStartNotFromTheBudgetsCreation() {
        TrialClock clock = TrialClock.startedOn(nanos::get);
        advance(4); // reading the data
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(10), 0.5, clock);

        assertThat(budget.elapsedSeconds()).isCloseTo(4, within(1e-9));
        assertThat(budget.remainingSeconds()).isCloseTo(5.5, within(1e-9));
    }

    @Test
    void aLastChanceEvaluationMayUseTheSlackKeptForBookkeeping() {
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(10), 0.5, TrialClock.startedOn(nanos::get));
        budget.recordEvaluation(0.2, 100); // 100 images take 0.23 s with the margin

        advance(9.5);
        assertThat(budget.evaluationFits(100)).as("0.0 s left before the slack").isFalse();
        assertThat(budget.secondsToTheCap()).isCloseTo(0.5, within(1e-9));
        assertThat(budget.evaluationSeconds(100)).isLessThan(budget.secondsToTheCap());
        advance(1);
        assertThat(budget.secondsToTheCap()).isCloseTo(-0.5, within(1e-9));
    }

    @Test
    void reservesAtMostAQuarterOfTheTrainingWindowForTheEvaluation() {
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(20), 0, TrialClock.startedOn(nanos::get));
        advance(4);
        budget.startTraining();
        budget.recordEvaluation(1.0, 10); // 1000 images would take 115 s

        assertThat(budget.reservedEvaluationSeconds(1000)).isCloseTo(0.25 * 16, within(1e-9));
        assertThat(budget.trainingDeadlineSeconds(1000)).isCloseTo(16, within(1e-9));
        assertThat(budget.evaluationFits(1000)).isFalse();
        assertThat(budget.evaluationFits(100)).as("11.5 s of the 16 s left").isTrue();
    }

    @Test
    void theScheduleCountsFromTheStartOfTraining() {
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(12), 0, TrialClock.startedOn(nanos::get));
        advance(2);
        budget.startTraining();
        assertThat(budget.trainingFraction(0)).isZero();
        advance(5);
        assertThat(budget.trainingFraction(0)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void theFirstStepIsGuessedFromInferenceThroughputWhenKnown() {
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(10), 0, TrialClock.startedOn(nanos::get));
        budget.recordEvaluation(1.0, 300);
        budget.expectStepsOf(100);

        // training is about three times the cost of inference: 100 images at 100 images/s
        assertThat(budget.stepSeconds()).isCloseTo(1.0, within(1e-9));
        advance(8.9);
        assertThat(budget.hasRoomFor(0, 0)).isTrue();
        advance(0.2);
        assertThat(budget.hasRoomFor(0, 0)).isFalse();
    }
}
