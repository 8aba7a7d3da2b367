"""The device a trial trains on and what it makes fast there: bf16 autocast and channels-last memory on CUDA."""
import contextlib
import os

import torch


class Device:
    def __init__(self, name):
        try:
            self.torch = torch.device(name)
        except RuntimeError:
            raise ValueError("--device must be cpu or cuda:N (e.g. cuda:0), got '%s'" % name)
        if self.torch.type not in ("cpu", "cuda"):
            raise ValueError("--device must be cpu or cuda:N (e.g. cuda:0), got '%s'" % name)
        self.cuda = self.torch.type == "cuda"
        if self.cuda:
            if not torch.cuda.is_available():
                raise ValueError("torch %s cannot use %s here: torch.cuda.is_available() is False (a CPU-only build "
                                 "of torch, or no NVIDIA driver)" % (torch.__version__, name))
            index = 0 if self.torch.index is None else self.torch.index
            if index >= torch.cuda.device_count():
                raise ValueError("%s does not exist: torch sees %d GPU(s)" % (name, torch.cuda.device_count()))
            self.torch = torch.device("cuda", index)
            torch.cuda.set_device(self.torch)
            # Shapes repeat step after step: let cuDNN pick its fastest kernels once.
            torch.backends.cudnn.benchmark = True
            torch.backends.cuda.matmul.allow_tf32 = True
            torch.backends.cudnn.allow_tf32 = True
        elif "OMP_NUM_THREADS" not in os.environ:
            # Some builds (Debian's among them) start with one thread; a trial on the CPU gets the cores it may use,
            # as the DL4J engine does, unless the worker shares them out (--threads sets OMP_NUM_THREADS).
            torch.set_num_threads(len(os.sched_getaffinity(0)))
        self.bf16 = self.cuda and torch.cuda.is_bf16_supported()
        self.memory_format = torch.channels_last if self.cuda else torch.contiguous_format

    def __str__(self):
        return str(self.torch)

    def autocast(self):
        """bf16 autocast where the GPU has bf16 (Ampere and later); full float32 elsewhere."""
        if self.bf16:
            return torch.autocast(device_type="cuda", dtype=torch.bfloat16)
        return contextlib.nullcontext()

    def synchronize(self):
        if self.cuda:
            torch.cuda.synchronize(self.torch)

    def layout(self, x):
        return x.contiguous(memory_format=self.memory_format)
