"""The networks a trial trains, built layer for layer from the layout the Java cost model counts.

The layout (``NetworkLayout`` in the Java domain, written by the trial runner) already holds every rounded
channel and block count, so nothing here scales or rounds: a network built from a layout has exactly the
parameters and multiply-accumulates the cost model predicts, which ``cost`` counts from the built modules.
"""
import torch
from torch import nn

WHITENING_KERNEL = 3


def activation(name, alpha):
    """The activation after every batch norm, as the trial options name it."""
    if name == "relu":
        return nn.ReLU()
    if name == "celu":
        return nn.CELU(alpha)
    if name == "leakyrelu":
        return nn.LeakyReLU(alpha)
    raise ValueError("unknown activation '%s', expected relu, celu or leakyrelu" % name)


class ConvBn(nn.Sequential):
    """A bias-free convolution, batch norm and the activation (when given)."""

    def __init__(self, cin, cout, kernel, stride, act):
        layers = [nn.Conv2d(cin, cout, kernel, stride=stride, padding=kernel // 2, bias=False), nn.BatchNorm2d(cout)]
        if act is not None:
            layers.append(act)
        super().__init__(*layers)


class ResidualPair(nn.Module):
    """ResNet-9's residual: x + act(bn(conv(act(bn(conv(x))))))."""

    def __init__(self, channels, make_act):
        super().__init__()
        self.a = ConvBn(channels, channels, 3, 1, make_act())
        self.b = ConvBn(channels, channels, 3, 1, make_act())

    def forward(self, x):
        return x + self.b(self.a(x))


class BasicBlock(nn.Module):
    """ResNet-18's block: act(bn(conv(act(bn(conv(x))))) + shortcut(x)), the shortcut projected where needed."""

    def __init__(self, cin, cout, stride, make_act):
        super().__init__()
        self.a = ConvBn(cin, cout, 3, stride, make_act())
        self.b = ConvBn(cout, cout, 3, 1, None)
        self.shortcut = ConvBn(cin, cout, 1, stride, None) if stride != 1 or cin != cout else nn.Identity()
        self.act = make_act()

    def forward(self, x):
        return self.act(self.b(self.a(x)) + self.shortcut(x))


class GlobalPool(nn.Module):
    def __init__(self, maximum):
        super().__init__()
        self.maximum = maximum

    def forward(self, x):
        return torch.amax(x, dim=(2, 3)) if self.maximum else torch.mean(x, dim=(2, 3))


def resnet9(layout, make_act):
    c = layout["input"][0]
    layers = [ConvBn(c, layout["prep"], 3, 1, make_act()),
              ConvBn(layout["prep"], layout["layer1"], 3, 1, make_act()), nn.MaxPool2d(2)]
    layers += [ResidualPair(layout["layer1"], make_act) for _ in range(layout["residual1"])]
    layers += [ConvBn(layout["layer1"], layout["layer2"], 3, 1, make_act()), nn.MaxPool2d(2),
               ConvBn(layout["layer2"], layout["layer3"], 3, 1, make_act()), nn.MaxPool2d(2)]
    layers += [ResidualPair(layout["layer3"], make_act) for _ in range(layout["residual3"])]
    layers += [GlobalPool(True), nn.Linear(layout["layer3"], layout["classes"], bias=False)]
    return layers


def resnet18(layout, make_act):
    channels, blocks = layout["stageChannels"], layout["stageBlocks"]
    layers = [ConvBn(layout["input"][0], layout["stem"], 3, 1, make_act())]
    cin = layout["stem"]
    for stage, (cout, count) in enumerate(zip(channels, blocks)):
        for block in range(count):
            layers.append(BasicBlock(cin, cout, 2 if block == 0 and stage > 0 else 1, make_act))
            cin = cout
    layers += [GlobalPool(False), nn.Linear(cin, layout["classes"], bias=True)]
    return layers


def build(layout, act_name="relu", alpha=0.3, whitening=False):
    """The network of ``layout``; with ``whitening``, a frozen channel-preserving convolution runs first.

    Weights start as PyTorch initialises them, U(-1/sqrt(fan-in), 1/sqrt(fan-in)), which is what the DL4J engine
    draws too; the caller seeds the generator.
    """
    families = {"resnet9": resnet9, "resnet18": resnet18}
    family = layout.get("family")
    if family not in families:
        raise ValueError("unknown model family '%s', expected resnet9 or resnet18" % family)
    layers = families[family](layout, lambda: activation(act_name, alpha))
    if whitening:
        c = layout["input"][0]
        stem = nn.Conv2d(c, c, WHITENING_KERNEL, padding=WHITENING_KERNEL // 2, bias=False)
        stem.weight.requires_grad_(False)
        layers.insert(0, stem)
    return nn.Sequential(*layers)


def whitening_layer(net):
    """The frozen whitening convolution of a network built with it, or None."""
    first = net[0]
    return first if isinstance(first, nn.Conv2d) and not first.weight.requires_grad else None


def cost(net, layout):
    """Forward multiply-accumulates of the trained convolutions and linear layers for one image, and the trainable
    parameters, counted from the modules themselves on one forward pass (a frozen whitening stem is not the
    layout's and is left out, as the cost model leaves it out)."""
    macs = [0]

    def count(module, inputs, output):
        if not any(p.requires_grad for p in module.parameters()):
            return
        if isinstance(module, nn.Conv2d):
            macs[0] += module.weight.numel() // module.groups * output.shape[2] * output.shape[3]
        else:
            macs[0] += module.weight.numel()

    hooks = [m.register_forward_hook(count) for m in net.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    was_training = net.training
    net.eval()
    try:
        with torch.no_grad():
            net(torch.zeros(1, *layout["input"]))
    finally:
        for hook in hooks:
            hook.remove()
        net.train(was_training)
    params = sum(p.numel() for p in net.parameters() if p.requires_grad)
    return macs[0], params
