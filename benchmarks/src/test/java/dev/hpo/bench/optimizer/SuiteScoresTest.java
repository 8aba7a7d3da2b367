package dev.hpo.bench.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SuiteScoresTest {

    @Test
    void medianRegretIsTheBestReachableLessTheScoreAndARunWithoutOneScoresZero() {
        double[][] scores = {{90, 80}, {70, Double.NaN}, {60, 50}};
        double[] best = {95, 75, 65};

        double[] regret = SuiteScores.medianRegret(scores, best);

        // Arm 0: 5, 5, 5. Arm 1: 15, 75 (no score), 15.
        assertThat(regret).containsExactly(new double[] {5, 15}, within(1e-12));
    }

    @Test
    void ranksArmsWithinEachCaseAndTiedArmsShareTheirRanks() {
        double[][] scores = {{90, 80, 70}, {70, 70, 90}, {Double.NaN, 50, Double.NaN}};

        double[] rank = SuiteScores.meanRank(scores);

        // Case 1: 1, 2, 3. Case 2: 2.5, 2.5, 1. Case 3: 2.5, 1, 2.5.
        assertThat(rank).containsExactly(new double[] {6.0 / 3, 5.5 / 3, 6.5 / 3}, within(1e-12));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(SuiteScores.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(SuiteScores.median(new double[] {3, 1, 2})).isEqualTo(2);
    }
}
