"""python3 -m hpo_torch trial|read|cost|check: the engine's entry points, started by the Java trial runner.

  trial DIR    trains the trial the runner wrote to DIR (trial.json and the subsets' arrays)
  read DIR     reads DIR's subsets as a trial does and reports their sizes and SHA-256 digests
  cost         MACs and parameters counted from the built networks of the layouts read on stdin (a JSON list)
  check        the torch version and the GPUs it sees

Exit codes: 0 when the command ran (a failed trial included: its result says so), 1 for an error reported as an
``error`` event, 3 when this interpreter has no torch.
"""
import argparse
import json
import sys
import traceback

from .events import emit

TORCH_MISSING = 3


def _arguments():
    parser = argparse.ArgumentParser(prog="python3 -m hpo_torch")
    commands = parser.add_subparsers(dest="command", required=True)
    trial = commands.add_parser("trial")
    trial.add_argument("directory")
    trial.add_argument("--device", default="cpu")
    trial.add_argument("--started-at", type=int, default=None,
                       help="the trial's start on the system's monotonic clock, in nanoseconds (default: now)")
    trial.add_argument("--controlled", action="store_true",
                       help="wait for go/stop on stdin after each measurement; end when stdin closes")
    trial.add_argument("--save", default=None, metavar="FILE",
                       help="write the trained network's state_dict to FILE when the trial completes")
    read = commands.add_parser("read")
    read.add_argument("directory")
    commands.add_parser("cost")
    commands.add_parser("check")
    return parser.parse_args()


def main():
    args = _arguments()
    try:
        import torch
    except ImportError as e:
        emit("error", kind="torch-missing", reason="%s has no torch (%s)" % (sys.executable, e))
        return TORCH_MISSING
    try:
        if args.command == "check":
            emit("check", torch=torch.__version__, python=sys.executable, cuda=torch.cuda.is_available(),
                 gpus=torch.cuda.device_count() if torch.cuda.is_available() else 0)
        elif args.command == "cost":
            from . import networks
            costs = []
            for layout in json.load(sys.stdin):
                macs, params = networks.cost(networks.build(layout), layout)
                costs.append({"macs": macs, "params": params})
            emit("cost", costs=costs)
        elif args.command == "read":
            from .data import read_subset
            from .trial import read_spec
            spec = read_spec(args.directory)
            subsets = {}
            for part in ("train", "validation"):
                subset = read_subset(args.directory, spec["data"][part], tuple(spec["layout"]["input"]), True)
                subsets[part] = {"images": len(subset), "sha256": subset.digest}
            emit("read", **subsets)
        else:
            from .budget import TrialClock
            from .device import Device
            from .events import Control
            from .trial import Trial, read_spec
            control = Control(args.controlled)
            trial = Trial(read_spec(args.directory), args.directory, Device(args.device),
                          TrialClock(args.started_at), control)
            result = trial.run()
            if args.save and result["status"] == "COMPLETE":
                trial.save(args.save)
            emit("result", **result)
        return 0
    except Exception as e:  # every error reaches the runner as one event, with the reason it gives
        traceback.print_exc(file=sys.stderr)
        reason = str(e) or type(e).__name__
        emit("error", kind=type(e).__name__, reason=reason)
        return 1


if __name__ == "__main__":
    sys.exit(main())
