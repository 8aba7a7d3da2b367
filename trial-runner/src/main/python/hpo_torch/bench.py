"""Training throughput of the engine's own step on random data, after a warm-up: what the data pipeline cannot
slow down. The step is the trial's (autocast, channels-last, SAM when asked), with Nesterov SGD and no label
smoothing, as the DL4J benchmark takes it."""
import time

import torch

from . import networks, recipe

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
