#!/usr/bin/env python3
"""The PyTorch engine on a GPU, checked in one run: throughput, a 60 s trial, and trials sharing the device.

Runs where there is python3 with torch and no JVM. It needs this repository's engine package
(trial-runner/src/main/python), the benchmark's throughput script (benchmarks/src/main/python) and one trial input
written here by the trial runner:

    ./hpo export-trial --plan benchmarks/gpu/fashion-mnist-resnet9-60s.json \\
        --out benchmarks/gpu/input/fashion-mnist-resnet9-60s

Then, on the GPU machine, from the repository root:

    python3 benchmarks/gpu/gpu_check.py --trial benchmarks/gpu/input/fashion-mnist-resnet9-60s --device cuda:0

It prints one JSON object per line, then a summary table:
  1. training images/s of ResNet-9 3x32x32 at batch 512: the engine's step, and beside it the plain reference step
     (bf16, channels-last, Nesterov SGD; copied from the project's reference benchmark, ref_torch.py
     --throughput --bf16) measured in the same process;
  2. the trial as the worker runs it (python3 -m hpo_torch trial DIR) under its own cap: validation accuracy,
     epochs, images/s;
  3. the same trial with 1, 4 and 8 copies sharing the device at once, each under a shorter cap: images/s per
     trial and in total.
On a CPU, with tiny settings, the same script checks itself (see --help).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ENGINE = os.path.join(HERE, "..", "..", "trial-runner", "src", "main", "python")
THROUGHPUT = os.path.join(HERE, "..", "src", "main", "python")
sys.path[:0] = [ENGINE, THROUGHPUT]

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

import torch_throughput  # noqa: E402
from hpo_torch import networks  # noqa: E402
from hpo_torch.device import Device  # noqa: E402


def report(**line):
    print(json.dumps(line), flush=True)
    return line


# The reference step, as ref_torch.py --throughput takes it: ResNet-9 with conv-bn-ReLU blocks, channels-last,
# bf16 autocast, Nesterov SGD, plain cross-entropy.
def _conv_bn(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())


class _Residual(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.a = _conv_bn(c, c)
        self.b = _conv_bn(c, c)

    def forward(self, x):
        return x + self.b(self.a(x))


def reference_resnet9(width):
    w = [int(round(64 * width)), int(round(128 * width)), int(round(256 * width)), int(round(512 * width))]
    return nn.Sequential(
        _conv_bn(3, w[0]), _conv_bn(w[0], w[1]), nn.MaxPool2d(2), _Residual(w[1]),
        _conv_bn(w[1], w[2]), nn.MaxPool2d(2), _conv_bn(w[2], w[3]), nn.MaxPool2d(2), _Residual(w[3]),
        nn.AdaptiveMaxPool2d(1), nn.Flatten(), nn.Linear(w[3], 10, bias=False))


def reference_throughput(device, batch, seconds, width):
    torch.manual_seed(0)
    dev = torch.device(device)
    model = reference_resnet9(width).to(dev).to(memory_format=torch.channels_last)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True)
    x = torch.randn(batch, 3, 32, 32, device=dev).to(memory_format=torch.channels_last)
    y = torch.randint(0, 10, (batch,), device=dev)
    bf16 = dev.type == "cuda"

    def step():
        with torch.autocast(dev.type, dtype=torch.bfloat16, enabled=bf16):
            loss = F.cross_entropy(model(x), y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    for _ in range(5):
        step()
    if dev.type == "cuda":
        torch.cuda.synchronize()
    t0 = time.time()
    n = 0
    while time.time() - t0 < seconds:
        step()
        n += 1
    if dev.type == "cuda":
        torch.cuda.synchronize()
    return n * batch / (time.time() - t0)


def resnet9_layout(width):
    c = lambda base: max(1, int(base * width + 0.5))  # noqa: E731 - the cost model's rounding, halves up
    return {"family": "resnet9", "input": [3, 32, 32], "classes": 10, "prep": c(64), "layer1": c(128),
            "layer2": c(256), "layer3": c(512), "residual1": 1, "residual3": 1}


def trial_copy(source, cap, into):
    """The trial in ``source`` under another cap, in a directory of its own (the subsets linked, not copied)."""
    with open(os.path.join(source, "trial.json")) as f:
        spec = json.load(f)
    spec["plan"]["timeCapSeconds"] = cap
    for part in ("train", "validation"):
        for field in ("pixels", "labels"):
            name = spec["data"][part][field]
            os.symlink(os.path.abspath(os.path.join(source, name)), os.path.join(into, name))
    with open(os.path.join(into, "trial.json"), "w") as f:
        json.dump(spec, f)
    return into


def start_trial(directory, device):
    env = dict(os.environ, PYTHONPATH=ENGINE + os.pathsep + os.environ.get("PYTHONPATH", ""),
               PYTHONDONTWRITEBYTECODE="1")
    return subprocess.Popen([sys.executable, "-m", "hpo_torch", "trial", directory, "--device", device],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def finish_trial(process):
    out, err = process.communicate()
    events = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    ends = [e for e in events if e.get("event") in ("result", "error")]
    if not ends:
        raise RuntimeError("the trial ended without a result (exit %s): %s" % (process.returncode, err[-2000:]))
    return ends[-1], [e for e in events if e.get("event") == "measurement"]


def trials_sharing(source, copies, cap, device, scratch):
    directories = []
    for i in range(copies):
        directory = os.path.join(scratch, "share%d-%d" % (copies, i))
        os.makedirs(directory)
        directories.append(trial_copy(source, cap, directory))
    processes = [start_trial(d, device) for d in directories]
    return [finish_trial(p)[0] for p in processes]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trial", required=True, help="a directory written by ./hpo export-trial")
    parser.add_argument("--device", default="cuda:0")
    parser.add_argument("--batch-size", type=int, default=512, help="of the throughput step (default 512)")
    parser.add_argument("--width", type=float, default=1.0, help="ResNet-9 width of the throughput step")
    parser.add_argument("--throughput-seconds", type=float, default=20)
    parser.add_argument("--share-cap", type=float, default=30, help="cap of each trial sharing the device")
    parser.add_argument("--shares", default="1,4,8", help="how many trials share the device at once")
    args = parser.parse_args()
    device = Device(args.device)
    report(check="device", device=str(device), torch=torch.__version__, bf16=device.bf16,
           name=torch.cuda.get_device_name(device.torch) if device.cuda else "cpu")

    layout = resnet9_layout(args.width)
    engine = torch_throughput.throughput(layout, device, args.batch_size, args.throughput_seconds, 5, 0.0)
    reference = reference_throughput(str(device), args.batch_size, args.throughput_seconds, args.width)
    macs, params = networks.cost(networks.build(layout), layout)
    throughput = report(check="throughput", network="resnet9 3x32x32 width %g" % args.width, macs=macs,
                        params=params, batch=args.batch_size, engineImagesPerSecond=round(engine["imagesPerSecond"]),
                        referenceImagesPerSecond=round(reference),
                        ratio=round(engine["imagesPerSecond"] / reference, 3))

    result, curve = finish_trial(start_trial(args.trial, str(device)))
    trial = report(check="trial", status=result.get("status"), failure=result.get("failure") or result.get("reason"),
                   accuracy=result.get("accuracy"), validationImages=result.get("validationImages"),
                   flipAveraged=result.get("flipAveraged"), epochs=result.get("epochs"), steps=result.get("steps"),
                   wallSeconds=result.get("wallSeconds"), imagesPerSecond=result.get("imagesPerSecond"),
                   curve=[(m["epoch"], round(m["elapsedSeconds"], 1), m["validationAccuracy"])
                          for m in curve[::max(1, len(curve) // 10)] + curve[-1:]])

    shared = []
    scratch = tempfile.mkdtemp(prefix="hpo-gpu-check-")
    try:
        for copies in [int(n) for n in args.shares.split(",")]:
            results = trials_sharing(args.trial, copies, args.share_cap, str(device), scratch)
            rates = [r.get("imagesPerSecond") or 0.0 for r in results]
            shared.append(report(check="sharing", trials=copies, cap=args.share_cap,
                                 statuses=sorted({r.get("status", "ERROR") for r in results}),
                                 perTrialImagesPerSecond=round(sum(rates) / len(rates)),
                                 totalImagesPerSecond=round(sum(rates)),
                                 accuracies=[r.get("accuracy") for r in results]))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print()
    print("device        %s, torch %s, bf16 %s" % (device, torch.__version__, device.bf16))
    print("throughput    engine %d img/s, reference %d img/s (ratio %.2f), %s at batch %d"
          % (throughput["engineImagesPerSecond"], throughput["referenceImagesPerSecond"], throughput["ratio"],
             throughput["network"], args.batch_size))
    print("trial         %s accuracy %s on %s images after %s epochs, %.1f s, %.0f img/s"
          % (trial["status"], trial["accuracy"], trial["validationImages"], trial["epochs"],
             trial["wallSeconds"] or 0, trial["imagesPerSecond"] or 0))
    for line in shared:
        print("sharing %2d    %6d img/s per trial, %6d in total, %s" % (line["trials"], line["perTrialImagesPerSecond"],
                                                                     line["totalImagesPerSecond"], line["statuses"]))


if __name__ == "__main__":
    main()
