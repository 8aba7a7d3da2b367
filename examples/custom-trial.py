#!/usr/bin/env python3
"""A trial script for `hpo worker --trial-command 'python3 examples/custom-trial.py'`.

The worker hands each trial to the script as JSON on stdin and reads JSON lines from its stdout: a measurement per
step, then the final metrics. Replace the toy objective below with your own training loop (PyTorch, JAX, ...):
keep printing measurements so the search can stop unpromising trials early, and finish within the trial's
`timeCapSeconds`, after which the worker kills the script. A study with `"fidelity": {"unit": "steps", "max": N}`
hands each trial its budget of N steps in `fidelity`; early stopping then reads each measurement's `step`.
"""
import json
import math
import sys
import time


def report(**line):
    print(json.dumps(line), flush=True)


def main():
    trial = json.load(sys.stdin)
    params = trial["parameters"]
    lr = float(params.get("learningRate", 0.1))
    fidelity = trial.get("fidelity") or {}
    steps = int(fidelity["max"]) if fidelity.get("unit") == "STEPS" else int(params.get("steps", 5))
    started = time.monotonic()
    loss = 2.3
    for step in range(1, steps + 1):
        # One "epoch" of a toy model whose loss falls fastest near lr = 0.1.
        loss *= 1.0 - 0.5 * math.exp(-abs(math.log10(lr) + 1.0))
        accuracy = 1.0 - loss / 2.3
        report(step=step, elapsedSeconds=time.monotonic() - started,
               metrics={"loss": loss, "accuracy": accuracy})
    report(metrics={"loss": loss, "accuracy": accuracy, "wallSeconds": time.monotonic() - started})


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # a failure the search records, with its reason
        report(failed=True, reason=f"{type(e).__name__}: {e}")
        sys.exit(1)
