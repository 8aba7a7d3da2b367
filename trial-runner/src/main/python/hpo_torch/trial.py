"""One trial's training loop, with the rules of the DL4J engine's ``TrialRun``.

It steps until the time budget leaves just enough for the final evaluation, measures after every epoch while there
is room, and ends as complete, stopped or failed; every evaluation stops between batches when its time runs out,
so the trial ends within its cap. A trained network is not thrown away for want of time: when the final evaluation
gets no batch in, one batch may still use the bookkeeping slack, and failing that the last epoch's measurement is
the trial's score.

On a GPU the loop never waits for the device after a step: losses stay on the device and are read every few steps
(and at each epoch's end), where divergence is checked and the steps' durations are learnt. The budget's "room
for one more step" then counts the steps still in flight.
"""
import json
import math
import os

import torch

from . import networks, recipe
from .budget import TimeBudget
from .data import Augmenter, read_subset
from .events import emit

SLACK_SECONDS = 0.5
EVALUATION_BATCH = 256
STEPS_IN_FLIGHT_ON_GPU = 8


class Score:
    def __init__(self, accuracy, images, flip_averaged):
        self.accuracy = accuracy
        self.images = images
        self.flip_averaged = flip_averaged


class Diverged(Exception):
    pass


def diverged(what):
    return "training diverged: %s; try a lower learning rate" % what


class Trial:
    def __init__(self, spec, directory, device, clock, control):
        plan = spec["plan"]
        self.options = plan["training"]
        self.layout = spec["layout"]
        self.device = device
        self.control = control
        self.budget = TimeBudget(plan["timeCapSeconds"], SLACK_SECONDS, clock)
        shape = tuple(self.layout["input"])
        train = read_subset(directory, spec["data"]["train"], shape)
        validation = read_subset(directory, spec["data"]["validation"], shape)
        self.classes = spec["data"]["classes"]
        if self.classes != self.layout["classes"]:
            raise ValueError("data has %d classes but the network %d" % (self.classes, self.layout["classes"]))
        if len(train) == 0 or len(validation) == 0:
            raise ValueError("training and validation sets must not be empty")
        seed = self.options["seed"]
        torch.manual_seed(seed)
        net = networks.build(self.layout, self.options["activation"], self.options["activationAlpha"],
                             self.options["whitening"])
        self.macs, self.params = networks.cost(net, self.layout)
        if self.options["whitening"]:
            recipe.initialise_whitening(networks.whitening_layer(net), train.images, seed)
        self.net = net.to(device.torch, memory_format=device.memory_format)
        self.train_x = train.images.to(device.torch)
        self.train_y = train.labels.to(device.torch)
        self.val_x = device.layout(validation.images.to(device.torch))
        self.val_y = validation.labels.to(device.torch)
        self.generator = torch.Generator(device=device.torch)
        self.generator.manual_seed(seed)
        self.augment = Augmenter(self.options["cropPadding"], self.options["flip"], self.options["cutout"], shape,
                                 self.generator)
        self.opt = recipe.optimizer(self.net, self.options)
        self.step = recipe.TrainingStep(self.net, self.opt, self.options, device.autocast)
        self.final_passes = len(validation) * (2 if self.options["flipTestTimeAugmentation"] else 1)
        self.evaluation_batch = min(max(self.options["batchSize"], EVALUATION_BATCH), len(validation))
        self.in_flight_limit = STEPS_IN_FLIGHT_ON_GPU if device.cuda else 1
        self.curve = []
        self.epochs = 0
        self.steps = 0
        self.train_seconds = 0.0
        self.trained_images = 0
        self.loss_sum = 0.0
        self.loss_count = 0
        self.last_loss = float("nan")
        self.in_flight = []
        self.round_start = 0.0
        emit("ready", device=str(device), torch=torch.__version__, bf16=device.bf16, macs=self.macs,
             params=self.params, trainImages=len(train), validationImages=len(validation))

    def run(self):
        budget = self.budget
        n = self.train_x.shape[0]
        batch = min(self.options["batchSize"], n)
        per_epoch = n // batch
        budget.record_evaluation(self._inference_batch_seconds(), self.evaluation_batch)
        budget.expect_steps_of(batch)
        budget.start_training()
        order, position = None, per_epoch
        self.net.train()
        # The budget learns whole rounds of this loop (choosing and augmenting the batch included): that is what
        # one more step costs.
        self.round_start = budget.elapsed_seconds()
        try:
            # Twice the estimated evaluation is held back: one slow step on a busy machine must not eat the final
            # evaluation, which is what the trial is for.
            while budget.has_room_for(len(self.in_flight) * budget.step_seconds(), 2 * self.final_passes):
                if position == per_epoch:
                    order = torch.randperm(n, generator=self.generator, device=self.device.torch)
                    position = 0
                chosen = order[position * batch:(position + 1) * batch]
                position += 1
                x = self.device.layout(self.augment(self.train_x[chosen]))
                recipe.set_learning_rate(self.opt, recipe.warmup_cosine(
                    self.options["learningRate"], self.options["warmupFraction"],
                    budget.training_fraction(self.final_passes)))
                self.in_flight.append(self.step(x, self.train_y[chosen]))
                last_of_epoch = position == per_epoch
                if last_of_epoch or self.steps == 0 or len(self.in_flight) >= self.in_flight_limit:
                    self._settle(batch)
                if last_of_epoch:
                    self.epochs += 1
                    stopped = self._measure_epoch()
                    if stopped is not None:
                        return stopped
                    self.round_start = budget.elapsed_seconds()
            self._settle(batch)
        except Diverged as e:
            return self._failed(str(e))
        return self._finish()

    def save(self, path):
        """Writes the trained network's weights as a state_dict on the CPU, loadable without the device it used."""
        torch.save({name: value.detach().cpu() for name, value in self.net.state_dict().items()}, path)

    def _finish(self):
        budget = self.budget
        if self.steps == 0:
            return self._failed("time cap of %.1fs too short: reading the data, building the network and measuring "
                                "it took %.1fs, leaving no time to train"
                                % (budget.cap_seconds, budget.elapsed_seconds()))
        if not self._parameters_finite():
            return self._failed(diverged("weights no longer finite after step %d" % self.steps))
        # Mirrored images double the evaluation's cost: averaged in only when the whole set fits that way.
        flip = self.options["flipTestTimeAugmentation"] and budget.evaluation_fits(2 * self.val_y.shape[0])
        score = self._evaluate(flip, budget.remaining_seconds, None)
        if score.images == 0:
            # A last step slower than any before it ate the reserve. The validation set is ordered so that one
            # batch is balanced between the classes: a fair, if rough, score of the final network.
            score = self._evaluate(False, budget.seconds_to_the_cap, 1)
        if score.images == 0:
            if self.curve:
                last = self.curve[-1]
                return self._result("COMPLETE", None, Score(last["validationAccuracy"], last["validationImages"],
                                                             False), last["step"])
            return self._failed("time cap of %.1fs too short: no time was left to evaluate after %d training steps"
                                % (budget.cap_seconds, self.steps))
        self._publish(self._measurement(score))
        return self._result("COMPLETE", None, score, self.steps)

    def _settle(self, batch):
        """Waits for the steps in flight, checks their losses and learns how long they took."""
        if not self.in_flight:
            return
        losses = torch.stack(self.in_flight).float().tolist()
        now = self.budget.elapsed_seconds()
        seconds = now - self.round_start
        self.round_start = now
        self.in_flight = []
        for loss in losses:
            if not math.isfinite(loss):
                raise Diverged(diverged("loss %s at step %d (epoch %d)" % (_java_number(loss), self.steps + 1,
                                                                          self.epochs + 1)))
            self.budget.record_step(seconds / len(losses), batch)
            self.steps += 1
            self.loss_sum += loss
            self.loss_count += 1
        self.train_seconds += seconds
        self.trained_images += batch * len(losses)

    def _measure_epoch(self):
        budget = self.budget
        if not budget.has_room_for(budget.evaluation_seconds(self.val_y.shape[0]), self.final_passes):
            return None
        if not self._parameters_finite():
            return self._failed(diverged("weights no longer finite after step %d" % self.steps))
        score = self._evaluate(False, lambda: budget.training_deadline_seconds(self.final_passes)
                               - budget.elapsed_seconds(), None)
        if score.images == 0:
            return None
        if not self._publish(self._measurement(score)):
            return self._result("STOPPED", None, score, self.steps)
        return None

    def _publish(self, measurement):
        self.curve.append(measurement)
        emit("measurement", **measurement)
        return self.control.go_on()

    def _parameters_finite(self):
        with torch.no_grad():
            total = torch.stack([p.float().sum() for p in self.net.parameters()]).sum()
        return math.isfinite(total.item())

    def _inference_batch_seconds(self):
        """One inference batch once warm: the first creates the kernels, the second is timed."""
        x = self.val_x[:self.evaluation_batch]
        self.net.eval()
        with torch.no_grad():
            recipe.scores(self.net, x, self.device.autocast)
            self.device.synchronize()
            began = self.budget.elapsed_seconds()
            recipe.scores(self.net, x, self.device.autocast)
            self.device.synchronize()
            seconds = self.budget.elapsed_seconds() - began
        self.net.train()
        return seconds

    def _evaluate(self, flip, seconds_left, max_batches):
        """Evaluates batch after batch, at most ``max_batches``, while the next one is expected to end within
        ``seconds_left()``."""
        budget = self.budget
        size = self.evaluation_batch
        passes = size * (2 if flip else 1)
        n = self.val_y.shape[0]
        correct, evaluated, batches = 0, 0, 0
        self.net.eval()
        with torch.no_grad():
            for start in range(0, n, size):
                if max_batches is not None and batches >= max_batches:
                    break
                if budget.evaluation_seconds(passes) > seconds_left():
                    break
                began = budget.elapsed_seconds()
                x = self.val_x[start:start + size]
                scores = (recipe.flip_averaged_scores if flip else recipe.scores)(self.net, x, self.device.autocast)
                correct += int((scores.argmax(dim=1) == self.val_y[start:start + size]).sum().item())
                evaluated += x.shape[0]
                batches += 1
                budget.record_evaluation(budget.elapsed_seconds() - began, x.shape[0] * (2 if flip else 1))
        self.net.train()
        return Score(correct / evaluated if evaluated else float("nan"), evaluated, flip)

    def _measurement(self, score):
        if self.loss_count > 0:
            self.last_loss = self.loss_sum / self.loss_count
        self.loss_sum = 0.0
        self.loss_count = 0
        return {"epoch": self.epochs, "step": self.steps, "elapsedSeconds": self.budget.elapsed_seconds(),
                "trainLoss": self.last_loss, "validationAccuracy": score.accuracy,
                "validationImages": score.images}

    def _failed(self, reason):
        return self._result("FAILED", reason, Score(float("nan"), 0, False), 0)

    def _result(self, status, failure, score, scored_at_step):
        final_loss = self.loss_sum / self.loss_count if self.loss_count > 0 else self.last_loss
        return {"status": status, "failure": failure, "accuracy": score.accuracy,
                "validationImages": score.images, "flipAveraged": score.flip_averaged,
                "scoredAtStep": scored_at_step, "epochs": self.epochs, "steps": self.steps,
                "wallSeconds": self.budget.elapsed_seconds(), "trainSeconds": self.train_seconds,
                "imagesPerSecond": self.trained_images / self.train_seconds if self.train_seconds > 0 else 0.0,
                "finalLoss": final_loss, "macs": self.macs, "params": self.params}


def _java_number(value):
    """A non-finite loss as the DL4J engine names it, so both engines give the same reason."""
    if math.isnan(value):
        return "NaN"
    return "Infinity" if value > 0 else "-Infinity"


def read_spec(directory):
    with open(os.path.join(directory, "trial.json"), "r", encoding="utf-8") as f:
        return json.load(f)
