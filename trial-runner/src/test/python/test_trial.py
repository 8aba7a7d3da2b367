"""The engine's training loop on a simulated clock: how it paces training and evaluation to end within the cap,
whatever else the machine is doing, and what it makes of a stall."""
import contextlib
import io
import tempfile
import unittest

from hpo_torch.device import Device
from hpo_torch.trial import Trial

from trials import Answers, SimulatedClock, write_trial

TICK = 0.01


class TrialTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.directory.cleanup()

    def run_trial(self, cap, clock, answers, **options):
        spec = write_trial(self.directory.name, cap, **options)
        with contextlib.redirect_stdout(io.StringIO()) as out:
            result = Trial(spec, self.directory.name, Device("cpu"), clock.trial_clock(), answers).run()
        return result, out.getvalue()

    def test_the_whole_recipe_trains_and_its_final_evaluation_is_flip_averaged(self):
        clock = SimulatedClock(TICK)

        # On the simulated clock every step takes as long as the ones before it, so the evaluation held back for
        # the end is there when training stops.
        result, events = self.run_trial(3, clock, Answers(), optimizer="adamw", learningRate=0.003, samRho=0.05,
                                        gradientCentralization=True, whitening=True, activation="celu",
                                        cropPadding=1, flip=True, cutout=3)

        self.assertEqual(result["status"], "COMPLETE", result)
        self.assertGreater(result["steps"], 0)
        self.assertTrue(result["flipAveraged"])
        self.assertEqual(result["validationImages"], 64)
        self.assertEqual(result["scoredAtStep"], result["steps"])
        self.assertLessEqual(result["wallSeconds"], 3)
        self.assertIn('"event": "measurement"', events)

    def test_a_trained_trial_left_no_time_to_evaluate_ends_complete_with_its_last_epochs_score(self):
        clock = SimulatedClock(TICK)
        # The stall after the first epoch's measurement lasts past the cap: no time is left to evaluate.
        answers = Answers(on_first=lambda: clock.advance(8))

        result, _ = self.run_trial(8, clock, answers, flipTestTimeAugmentation=False)

        self.assertEqual(answers.heard, 1)
        self.assertEqual(result["status"], "COMPLETE", result)
        self.assertEqual(result["scoredAtStep"], 8, "scored by the first epoch's measurement, after its 8 steps")
        self.assertEqual(result["validationImages"], 64)
        self.assertFalse(result["flipAveraged"])

    def test_a_last_step_that_ran_late_still_gets_one_class_balanced_batch_scored(self):
        clock = SimulatedClock(TICK)
        # The stall ends inside the 0.5 s kept free for bookkeeping: too late for the paced evaluation, in time for
        # one batch.
        answers = Answers(on_first=lambda: clock.advance(8 - 0.45 - clock.nanos / 1e9))

        result, _ = self.run_trial(8, clock, answers)

        self.assertEqual(answers.heard, 2, "the first epoch's and the final measurement")
        self.assertEqual(result["status"], "COMPLETE", result)
        self.assertEqual(result["scoredAtStep"], result["steps"])
        self.assertEqual(result["validationImages"], 64)
        self.assertFalse(result["flipAveraged"], "a last chance takes no mirrored images")
        self.assertLessEqual(result["wallSeconds"], 8)

    def test_a_cap_too_short_to_train_fails_with_that_reason(self):
        result, _ = self.run_trial(0.001, SimulatedClock(TICK), Answers())

        self.assertEqual(result["status"], "FAILED")
        self.assertIn("too short", result["failure"])
        self.assertIn("no time to train", result["failure"])
        self.assertEqual(result["steps"], 0)

    def test_the_runner_can_stop_the_trial_after_an_epoch(self):
        result, _ = self.run_trial(300, SimulatedClock(TICK), Answers(stop_after=1))

        self.assertEqual(result["status"], "STOPPED")
        self.assertEqual(result["epochs"], 1)
        self.assertEqual(result["steps"], 8)
        self.assertEqual(result["scoredAtStep"], 8)


if __name__ == "__main__":
    unittest.main()
