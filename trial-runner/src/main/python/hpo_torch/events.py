"""The engine's line protocol with the Java trial runner that started it.

Standard output carries one JSON object per line, each with an ``event``:

* ``{"event": "ready", "device": "cuda:0", "torch": "2.11.0", "macs": ..., "params": ...}``: the network is built
  (its MACs and parameters counted from its modules) and the data is on the device;
* ``{"event": "measurement", "epoch": 3, "step": 30, "elapsedSeconds": 12.5, "trainLoss": 0.9,
  "validationAccuracy": 0.81, "validationImages": 1000}``: after each epoch's evaluation, and once more with the
  final one; the engine then waits for ``go`` or ``stop`` on standard input (when it is controlled);
* ``{"event": "result", "status": "COMPLETE", ...}``: how the trial ended, last;
* ``{"event": "error", "reason": "..."}``: the trial could not run at all (bad input, no torch).

Non-finite numbers are written as null, which JSON can carry. When standard input closes while the engine is
controlled, the process that started it is gone, and the engine ends at once instead of training unheard.
"""
import json
import math
import os
import queue
import sys
import threading

PARENT_GONE = 70


def _finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def emit(event, **fields):
    line = {"event": event}
    line.update({key: _finite(value) for key, value in fields.items()})
    sys.stdout.write(json.dumps(line) + "\n")
    sys.stdout.flush()


class Control:
    """Answers from the Java side to each measurement: go on, or stop."""

    def __init__(self, controlled):
        self.controlled = controlled
        self.answers = queue.Queue()
        if controlled:
            threading.Thread(target=self._read, name="control", daemon=True).start()

    def _read(self):
        for line in sys.stdin:
            self.answers.put(line.strip())
        os._exit(PARENT_GONE)

    def go_on(self):
        """Whether training should go on after the measurement just emitted."""
        if not self.controlled:
            return True
        return self.answers.get() != "stop"
