"""Training throughput of the PyTorch engine's own step on random data, after a warm-up: what the data pipeline
cannot slow down. The network and the step are the engine's (``hpo_torch``, imported from ``PYTHONPATH`` as a trial
process imports it): autocast, channels-last, SAM when asked, with Nesterov SGD and no label smoothing, as the DL4J
benchmark takes it.

    python3 torch_throughput.py --layout JSON [--device cpu] [--batch-size 128] [--seconds 30] [--warmup-steps 3]
        [--sam-rho 0]

prints one line, ``{"event": "bench", "imagesPerSecond": ..., "steps": ..., "medianStepSeconds": ..., "bf16": ...,
"channelsLast": ..., "torch": ..., "threads": ...}``, or ``{"event": "error", "reason": ...}`` and exits 1.
"""
import argparse
import json
import sys
import time
import traceback

import torch

from hpo_torch import networks, recipe
from hpo_torch.device import Device
from hpo_torch.events import emit

CHUNK_STEPS = 5


def throughput(layout, device, batch, seconds, warmup_steps, sam_rho, seed=0):
    torch.manual_seed(seed)
    net = networks.build(layout).to(device.torch, memory_format=device.memory_format)
    options = {"optimizer": "sgd", "learningRate": 0.01, "momentum": 0.9, "weightDecay": 5e-4,
               "samRho": sam_rho, "labelSmoothing": 0.0, "gradientCentralization": False}
    step = recipe.TrainingStep(net, recipe.optimizer(net, options), options, device.autocast)
    x = device.layout(torch.randn(batch, *layout["input"], device=device.torch))
    y = torch.randint(0, layout["classes"], (batch,), device=device.torch)
    net.train()
    for _ in range(warmup_steps):
        step(x, y)
    device.synchronize()
    # Steps are timed in chunks, waiting for the device only between chunks, as a trial does.
    chunks = []
    start = time.perf_counter()
    now = start
    while now - start < seconds or not chunks:
        for _ in range(CHUNK_STEPS):
            step(x, y)
        device.synchronize()
        after = time.perf_counter()
        chunks.append((after - now) / CHUNK_STEPS)
        now = after
    total = now - start
    ordered = sorted(chunks)
    return {"imagesPerSecond": len(chunks) * CHUNK_STEPS * batch / total, "steps": len(chunks) * CHUNK_STEPS,
            "medianStepSeconds": ordered[len(ordered) // 2], "bf16": device.bf16,
            "channelsLast": device.memory_format == torch.channels_last, "torch": torch.__version__,
            "threads": torch.get_num_threads()}


def _arguments():
    parser = argparse.ArgumentParser(prog="torch_throughput.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--layout", required=True, help="a network layout as JSON, as the trial runner writes it")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--warmup-steps", type=int, default=3)
    parser.add_argument("--sam-rho", type=float, default=0.0)
    return parser.parse_args()


def main():
    args = _arguments()
    try:
        emit("bench", **throughput(json.loads(args.layout), Device(args.device), args.batch_size, args.seconds,
                                   args.warmup_steps, args.sam_rho))
        return 0
    except Exception as e:  # the Java side reports the reason; the traceback goes to standard error
        traceback.print_exc(file=sys.stderr)
        emit("error", kind=type(e).__name__, reason=str(e) or type(e).__name__)
        return 1


if __name__ == "__main__":
    sys.exit(main())
