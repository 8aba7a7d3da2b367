"""How a trial trains: the update rules, weight decay, SAM, gradient centralization, the learning-rate schedule
and the patch-whitening stem, each meaning what the DL4J engine makes of the same training options."""
import math

import torch
import torch.nn.functional as F

SECOND_MOMENT_DECAY = 0.999
EPSILON = 1e-8
RMS_DECAY = 0.99
NORM_FLOOR = 1e-12
WHITENING_PATCHES = 20000
WHITENING_EPSILON_SHARE = 0.01


def optimizer(net, options):
    """The update rule with weight decay on conv and linear weights only (never on batch norm), as L2 added to the
    gradient, except for AdamW whose decay is decoupled (scaled by the learning rate, after the update rule)."""
    trainable = [p for p in net.parameters() if p.requires_grad]
    decay = options["weightDecay"]
    groups = [{"params": [p for p in trainable if p.ndim > 1], "weight_decay": decay},
              {"params": [p for p in trainable if p.ndim <= 1], "weight_decay": 0.0}]
    lr = options["learningRate"]
    beta1 = options["momentum"]
    name = options["optimizer"]
    if name == "sgd":
        return torch.optim.SGD(groups, lr=lr, momentum=beta1, nesterov=beta1 > 0)
    if name == "adam":
        return torch.optim.Adam(groups, lr=lr, betas=(beta1, SECOND_MOMENT_DECAY), eps=EPSILON)
    if name == "adamw":
        return torch.optim.AdamW(groups, lr=lr, betas=(beta1, SECOND_MOMENT_DECAY), eps=EPSILON)
    if name == "adamax":
        return torch.optim.Adamax(groups, lr=lr, betas=(beta1, SECOND_MOMENT_DECAY), eps=EPSILON)
    if name == "adagrad":
        return torch.optim.Adagrad(groups, lr=lr, eps=EPSILON)
    if name == "rmsprop":
        return torch.optim.RMSprop(groups, lr=lr, alpha=RMS_DECAY, eps=EPSILON)
    raise ValueError("unknown optimizer '%s'" % name)


FLOAT32_MAX = 3.4028234663852886e38


def set_learning_rate(opt, rate):
    """Sets the rate of every parameter group; a rate beyond float32's range is float32's largest, as the weights
    see it (it overflows them, and the trial fails as diverged)."""
    for group in opt.param_groups:
        group["lr"] = min(rate, FLOAT32_MAX)


def warmup_cosine(peak, warmup_fraction, fraction):
    """Linear warm-up from 0 to the peak, then cosine decay to 0, over the share of the training time used."""
    f = min(1.0, max(0.0, fraction))
    if f < warmup_fraction:
        return peak * f / warmup_fraction
    decay = (f - warmup_fraction) / (1 - warmup_fraction)
    return peak * 0.5 * (1 + math.cos(math.pi * decay))


class TrainingStep:
    """One optimizer step, with sharpness-aware minimisation (``rho`` > 0) and gradient centralization hooked in
    between the gradient and the update rule. Returns the loss at the weights before the step, as a device tensor:
    reading it would wait for the device, which the caller does only every few steps."""

    def __init__(self, net, opt, options, autocast):
        self.net = net
        self.opt = opt
        self.rho = options["samRho"]
        self.smoothing = options["labelSmoothing"]
        self.autocast = autocast
        self.params = [p for p in net.parameters() if p.requires_grad]
        self.centralized = [p for p in self.params if p.ndim > 1] if options["gradientCentralization"] else []

    def _loss(self, x, y):
        with self.autocast():
            return F.cross_entropy(self.net(x), y, label_smoothing=self.smoothing)

    def _centralize(self):
        for p in self.centralized:
            if p.grad is not None:
                p.grad.sub_(p.grad.mean(dim=tuple(range(1, p.ndim)), keepdim=True))

    def __call__(self, x, y):
        loss = self._loss(x, y)
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        self._centralize()
        if self.rho > 0:
            # Climb to the worst point within rho along the gradient, take the gradient there, climb back down.
            with torch.no_grad():
                grads = [p.grad for p in self.params if p.grad is not None]
                norm = torch.norm(torch.stack([g.norm() for g in grads]))
                scale = self.rho / (norm + NORM_FLOOR)
                ascents = []
                for p in self.params:
                    ascent = p.grad * scale if p.grad is not None else torch.zeros_like(p)
                    p.add_(ascent)
                    ascents.append(ascent)
            self.opt.zero_grad(set_to_none=True)
            self._loss(x, y).backward()
            with torch.no_grad():
                for p, ascent in zip(self.params, ascents):
                    p.sub_(ascent)
            self._centralize()
        self.opt.step()
        return loss.detach()


def whitening_filters(images, seed, kernel):
    """ZCA whitening filters of ``kernel`` x ``kernel`` patches drawn at random from ``images``: the rows of the
    centre pixel's channels of U diag(1 / sqrt(lambda + eps)) U^T, shaped [channels, channels, kernel, kernel], with
    eps a small share of the mean eigenvalue so that pixel noise is not blown up."""
    n, c, h, w = images.shape
    d = c * kernel * kernel
    count = min(WHITENING_PATCHES, max(1, n) * (h - kernel + 1) * (w - kernel + 1))
    generator = torch.Generator().manual_seed(seed)
    which = torch.randint(0, n, (count,), generator=generator)
    ys = torch.randint(0, h - kernel + 1, (count,), generator=generator)
    xs = torch.randint(0, w - kernel + 1, (count,), generator=generator)
    offsets = torch.arange(kernel)
    patches = images[which[:, None, None, None], torch.arange(c)[None, :, None, None],
                     (ys[:, None] + offsets)[:, None, :, None], (xs[:, None] + offsets)[:, None, None, :]]
    patches = patches.double().reshape(count, d)
    mean = patches.mean(dim=0)
    covariance = patches.t() @ patches / count - torch.outer(mean, mean)
    values, vectors = torch.linalg.eigh(covariance)
    eps = WHITENING_EPSILON_SHARE * max(values.mean().item(), 1e-12)
    zca = vectors @ torch.diag(1 / torch.sqrt(values.clamp(min=0) + eps)) @ vectors.t()
    centre = (kernel // 2) * kernel + kernel // 2
    rows_of_centre = [channel * kernel * kernel + centre for channel in range(c)]
    return zca[rows_of_centre].reshape(c, c, kernel, kernel).float()


def initialise_whitening(layer, images, seed):
    with torch.no_grad():
        layer.weight.copy_(whitening_filters(images, seed, layer.kernel_size[0]).to(layer.weight.device))


def flip_averaged_scores(net, x, autocast):
    """Softmax scores of each image plus those of its mirror image, as the DL4J engine sums them."""
    with autocast():
        return F.softmax(net(x).float(), dim=1) + F.softmax(net(torch.flip(x, dims=(3,))).float(), dim=1)


def scores(net, x, autocast):
    with autocast():
        return net(x).float()

