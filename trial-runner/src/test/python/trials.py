"""Tiny trials for the engine's tests: learnable synthetic images written as the trial runner writes a trial, a
simulated clock, and a stand-in for the runner's answers to measurements."""
import json
import os
import struct

import torch

from hpo_torch.budget import TrialClock

SHAPE = (1, 12, 12)
LAYOUT = {"family": "resnet9", "input": list(SHAPE), "classes": 4, "prep": 8, "layer1": 16, "layer2": 32,
          "layer3": 64, "residual1": 0, "residual3": 0}
OPTIONS = {"optimizer": "sgd", "learningRate": 0.05, "momentum": 0.9, "weightDecay": 5e-4, "batchSize": 16,
           "labelSmoothing": 0.1, "samRho": 0.0, "gradientCentralization": False, "activation": "relu",
           "activationAlpha": 0.3, "warmupFraction": 0.1, "whitening": False, "cropPadding": 0, "flip": False,
           "cutout": 0, "flipTestTimeAugmentation": True, "seed": 0}


class SimulatedClock:
    """Moves one tick each time it is read, and by what a test adds: a trial on it takes the same decisions on a
    busy machine as on an idle one."""

    def __init__(self, tick_seconds):
        self.tick = int(tick_seconds * 1e9)
        self.nanos = 0

    def __call__(self):
        self.nanos += self.tick
        return self.nanos

    def advance(self, seconds):
        self.nanos += int(seconds * 1e9)

    def trial_clock(self):
        return TrialClock(now=self)


class Answers:
    """The runner's answers to each measurement: go on, unless ``stop_after`` measurements were heard; ``on_first``
    runs when the first one is (a stall, say)."""

    def __init__(self, stop_after=None, on_first=None):
        self.heard = 0
        self.stop_after = stop_after
        self.on_first = on_first

    def go_on(self):
        self.heard += 1
        if self.heard == 1 and self.on_first:
            self.on_first()
        return self.stop_after is None or self.heard < self.stop_after


def quadrants(per_class, seed):
    """Class k lights up quadrant k of the image, under noise."""
    generator = torch.Generator().manual_seed(seed)
    n = per_class * 4
    labels = torch.arange(n) % 4
    c, h, w = SHAPE
    ys = torch.arange(h)[:, None].expand(h, w)
    xs = torch.arange(w)[None, :].expand(h, w)
    quadrant = (ys >= h // 2).long() * 2 + (xs >= w // 2).long()
    signal = (quadrant[None, :, :] == labels[:, None, None]).float()
    images = signal[:, None, :, :].expand(n, c, h, w) + 0.5 * torch.randn(n, c, h, w, generator=generator)
    return images.contiguous(), labels


def write_trial(directory, cap_seconds, **options):
    """Writes a trial of synthetic images as the Java trial runner would, returns its spec."""
    training = dict(OPTIONS, **options)
    spec = {"plan": {"training": training, "timeCapSeconds": cap_seconds}, "layout": LAYOUT,
            "data": {"classes": 4}}
    for part, per_class, seed in (("train", 32, 1), ("validation", 16, 2)):
        images, labels = quadrants(per_class, seed)
        if part == "validation":
            order = torch.argsort(torch.arange(len(labels)) // 4 * 4 + labels)
            images, labels = images[order], labels[order]
        with open(os.path.join(directory, part + "-pixels.f32"), "wb") as f:
            f.write(struct.pack("<%df" % images.numel(), *images.flatten().tolist()))
        with open(os.path.join(directory, part + "-labels.i32"), "wb") as f:
            f.write(struct.pack("<%di" % labels.numel(), *labels.tolist()))
        spec["data"][part] = {"count": len(labels), "pixels": part + "-pixels.f32", "labels": part + "-labels.i32"}
    with open(os.path.join(directory, "trial.json"), "w") as f:
        json.dump(spec, f)
    return spec
