"""The Python time budget takes the decisions of the Java TimeBudget: the cases of TimeBudgetTest, case for case."""
import unittest

from hpo_torch.budget import TimeBudget, TrialClock


class ManualClock:
    def __init__(self):
        self.nanos = 1000

    def advance(self, seconds):
        self.nanos += int(seconds * 1e9)

    def __call__(self):
        return self.nanos


class TimeBudgetTest(unittest.TestCase):
    def setUp(self):
        self.time = ManualClock()

    def budget(self, cap, slack):
        return TimeBudget(cap, slack, TrialClock(now=self.time))

    def test_reserves_the_final_evaluation_from_measured_throughput(self):
        budget = self.budget(100, 0.5)
        budget.record_step(5.0, 100)
        budget.record_step(1.0, 100)
        budget.record_evaluation(2.0, 1000)
        self.assertAlmostEqual(budget.training_deadline_seconds(2000), 100 - 0.5 - 4.6, places=9)

    def test_guesses_evaluation_from_training_throughput_until_measured(self):
        budget = self.budget(100, 0)
        self.assertEqual(budget.evaluation_seconds(1000), 0)
        budget.record_step(20.0, 100)
        self.assertEqual(budget.evaluation_seconds(1000), 0, "a warm-up step alone is no evidence")
        budget.record_step(1.0, 100)
        self.assertAlmostEqual(budget.evaluation_seconds(900), 4.5, places=9)

    def test_stops_training_when_the_next_step_would_eat_into_the_evaluation(self):
        budget = self.budget(10, 0)
        budget.record_step(3.0, 100)
        budget.record_step(1.0, 100)
        budget.record_evaluation(1.0, 100)
        self.time.advance(7.8)
        self.assertTrue(budget.has_room_for(0, 100))
        self.time.advance(0.1)
        self.assertFalse(budget.has_room_for(0, 100))

    def test_training_fraction_grows_with_elapsed_time_up_to_one(self):
        budget = self.budget(10, 0)
        self.time.advance(5)
        self.assertAlmostEqual(budget.training_fraction(0), 0.5, places=9)
        self.time.advance(50)
        self.assertEqual(budget.training_fraction(0), 1.0)

    def test_the_slow_first_step_forecasts_nothing(self):
        budget = self.budget(10, 0)
        budget.record_step(5.0, 10)
        self.assertEqual(budget.step_seconds(), 0)
        budget.record_step(0.1, 10)
        self.assertEqual(budget.step_seconds(), 0.1)

    def test_training_stops_early_enough_for_the_slowest_recent_step(self):
        budget = self.budget(10, 0)
        for seconds in (9, 0.1, 0.3, 0.2, 2.0, 0.2):
            budget.record_step(seconds, 10)
        self.assertEqual(budget.slow_step_seconds(), 2.0)
        self.assertEqual(budget.step_seconds(), 0.2, "the median of the recent steps")
        self.time.advance(7.9)
        self.assertTrue(budget.has_room_for(0, 0))
        self.time.advance(0.2)
        self.assertFalse(budget.has_room_for(0, 0))

    def test_the_cap_counts_from_the_trials_start_not_from_the_budgets_creation(self):
        clock = TrialClock(now=self.time)
        self.time.advance(4)
        budget = TimeBudget(10, 0.5, clock)
        self.assertAlmostEqual(budget.elapsed_seconds(), 4, places=9)
        self.assertAlmostEqual(budget.remaining_seconds(), 5.5, places=9)

    def test_a_last_chance_evaluation_may_use_the_slack_kept_for_bookkeeping(self):
        budget = self.budget(10, 0.5)
        budget.record_evaluation(0.2, 100)
        self.time.advance(9.5)
        self.assertFalse(budget.evaluation_fits(100))
        self.assertAlmostEqual(budget.seconds_to_the_cap(), 0.5, places=9)
        self.assertLess(budget.evaluation_seconds(100), budget.seconds_to_the_cap())

    def test_reserves_at_most_a_quarter_of_the_training_window_for_the_evaluation(self):
        budget = self.budget(20, 0)
        self.time.advance(4)
        budget.start_training()
        budget.record_evaluation(1.0, 10)
        self.assertAlmostEqual(budget.reserved_evaluation_seconds(1000), 0.25 * 16, places=9)
        self.assertAlmostEqual(budget.training_deadline_seconds(1000), 16, places=9)
        self.assertFalse(budget.evaluation_fits(1000))
        self.assertTrue(budget.evaluation_fits(100))

    def test_the_first_step_is_guessed_from_inference_throughput_when_known(self):
        budget = self.budget(10, 0)
        budget.record_evaluation(1.0, 300)
        budget.expect_steps_of(100)
        self.assertAlmostEqual(budget.step_seconds(), 1.0, places=9)
        self.time.advance(8.9)
        self.assertTrue(budget.has_room_for(0, 0))
        self.time.advance(0.2)
        self.assertFalse(budget.has_room_for(0, 0))


if __name__ == "__main__":
    unittest.main()
