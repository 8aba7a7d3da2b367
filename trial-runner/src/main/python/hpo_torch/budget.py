"""Splits a trial's wall-clock cap between training and the final evaluation.

The same rules as the Java engines' ``TimeBudget`` (same constants, same estimates), so a trial ends within its cap
on either engine: the evaluation's time is reserved from measured throughput, with a safety factor while it is only
a guess, and never takes more than a quarter of the training window.
"""
import time

INFERENCE_SPEEDUP = 3.0
GUESS_SAFETY = 1.5
MEASURED_SAFETY = 1.15
MAX_EVALUATION_SHARE = 0.25
RECENT_STEPS = 9


class TrialClock:
    """When the trial started, on the monotonic clock every process of the machine shares (CLOCK_MONOTONIC on
    Linux, which Java's System.nanoTime reads too), so time the JVM spent before this process counts."""

    def __init__(self, start_nanos=None, now=time.monotonic_ns):
        self.now = now
        self.start_nanos = now() if start_nanos is None else start_nanos

    def elapsed_seconds(self):
        return (self.now() - self.start_nanos) / 1e9


class TimeBudget:
    def __init__(self, cap_seconds, slack_seconds, clock):
        if not cap_seconds > 0:
            raise ValueError("time cap must be positive, got %s" % cap_seconds)
        self.cap_seconds = cap_seconds
        self.slack_seconds = slack_seconds
        self.clock = clock
        self.recent = [0.0] * RECENT_STEPS
        self.steps_seen = 0
        self.step_images = 0
        self.evaluation_rate = None
        self.training_start = 0.0

    def elapsed_seconds(self):
        return self.clock.elapsed_seconds()

    def remaining_seconds(self):
        return self.cap_seconds - self.slack_seconds - self.elapsed_seconds()

    def seconds_to_the_cap(self):
        return self.cap_seconds - self.elapsed_seconds()

    def start_training(self):
        self.training_start = self.elapsed_seconds()

    def record_step(self, seconds, images):
        if self.steps_seen > 0:
            self.recent[(self.steps_seen - 1) % RECENT_STEPS] = seconds
        self.steps_seen += 1
        self.step_images = images

    def record_evaluation(self, seconds, images):
        if seconds > 0 and images > 0:
            self.evaluation_rate = images / seconds

    def expect_steps_of(self, images):
        self.step_images = images

    def _recent(self):
        return self.recent[:min(self.steps_seen - 1, RECENT_STEPS)]

    def step_seconds(self):
        if self.steps_seen <= 1:
            if self.evaluation_rate is None:
                return 0.0
            return INFERENCE_SPEEDUP * self.step_images / self.evaluation_rate
        recent = sorted(self._recent())
        return recent[len(recent) // 2]

    def slow_step_seconds(self):
        if self.steps_seen <= 1:
            return self.step_seconds()
        return max(self._recent())

    def evaluation_seconds(self, images):
        if self.evaluation_rate is not None:
            return MEASURED_SAFETY * images / self.evaluation_rate
        if self.steps_seen < 2:
            return 0.0
        guessed_rate = INFERENCE_SPEEDUP * self.step_images / self.step_seconds()
        return GUESS_SAFETY * images / guessed_rate

    def evaluation_fits(self, images):
        return self.evaluation_seconds(images) <= self.remaining_seconds()

    def reserved_evaluation_seconds(self, images):
        window = max(0.0, self.cap_seconds - self.slack_seconds - self.training_start)
        return min(self.evaluation_seconds(images), MAX_EVALUATION_SHARE * window)

    def training_deadline_seconds(self, final_images):
        return max(0.0, self.cap_seconds - self.slack_seconds - self.reserved_evaluation_seconds(final_images))

    def training_fraction(self, final_images):
        window = self.training_deadline_seconds(final_images) - self.training_start
        if window <= 0:
            return 1.0
        return min(1.0, max(0.0, (self.elapsed_seconds() - self.training_start) / window))

    def has_room_for(self, extra_seconds, final_images):
        return (self.elapsed_seconds() + self.slow_step_seconds() + extra_seconds
                <= self.training_deadline_seconds(final_images))
