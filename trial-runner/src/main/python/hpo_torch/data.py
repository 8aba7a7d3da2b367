"""A trial's images, as the Java trial runner prepared them, kept on the training device.

The Java side draws the stratified subsets, resizes and normalises them exactly as for the DL4J engine and writes
them as raw little-endian arrays: float32 pixels, channels first, image after image, and int32 labels. The
validation images come interleaved by class, so any prefix of them is balanced between the classes. Reading those
files is all this module does with the dataset: both engines train on the very same images.

Augmentation runs on the device, a whole batch at once: reflection-padded random crops, horizontal flips and
cutout, with the rules of the Java ``Augmentation``.
"""
import hashlib
import os

import torch


class Subset:
    def __init__(self, images, labels, digest):
        self.images = images
        self.labels = labels
        self.digest = digest

    def __len__(self):
        return self.labels.shape[0]


def _read(directory, name, dtype, count, shape, digests):
    path = os.path.join(directory, name)
    with open(path, "rb") as f:
        raw = f.read()
    element = torch.tensor([], dtype=dtype).element_size()
    expected = count * element
    for side in shape:
        expected *= side
    if len(raw) != expected:
        raise ValueError("%s holds %d bytes, expected %d for %d items of shape %s"
                         % (path, len(raw), expected, count, list(shape)))
    if digests is not None:
        digests.update(raw)
    return torch.frombuffer(bytearray(raw), dtype=dtype).reshape(count, *shape)


def read_subset(directory, part, shape, with_digest=False):
    """One subset described by the ``data`` object of the trial file, on the CPU; ``digest`` is the SHA-256 of
    its pixel bytes then its label bytes when asked for, else None."""
    digest = hashlib.sha256() if with_digest else None
    images = _read(directory, part["pixels"], torch.float32, part["count"], shape, digest)
    labels = _read(directory, part["labels"], torch.int32, part["count"], (), digest).long()
    return Subset(images, labels, digest.hexdigest() if digest else None)


class Augmenter:
    """Random crops (reflection padding), flips and cutout of whole batches on the device."""

    def __init__(self, crop_padding, flip, cutout, shape, generator):
        c, h, w = shape
        if crop_padding > 0 and (crop_padding >= h or crop_padding >= w):
            raise ValueError("cropPadding %d must be smaller than the image height and width (%dx%dx%d) for "
                             "reflection padding" % (crop_padding, c, h, w))
        self.padding = crop_padding
        self.flip = flip
        self.cutout = cutout
        self.height = h
        self.width = w
        self.generator = generator

    def _random(self, high, count, device):
        return torch.randint(0, high, (count,), generator=self.generator, device=device)

    def __call__(self, x):
        n, device = x.shape[0], x.device
        h, w = self.height, self.width
        if self.padding > 0 or self.flip:
            rows = torch.arange(h, device=device).expand(n, h)
            cols = torch.arange(w, device=device).expand(n, w)
            if self.flip:
                flipped = self._random(2, n, device).bool()
                cols = torch.where(flipped[:, None], w - 1 - cols, cols)
            if self.padding > 0:
                p = self.padding
                rows = _reflect(rows + (self._random(2 * p + 1, n, device) - p)[:, None], h)
                cols = _reflect(cols + (self._random(2 * p + 1, n, device) - p)[:, None], w)
            x = x.gather(2, rows[:, None, :, None].expand(n, x.shape[1], h, w))
            x = x.gather(3, cols[:, None, None, :].expand(n, x.shape[1], h, w))
        if self.cutout > 0:
            size = self.cutout
            top = self._random(h, n, device) - size // 2
            left = self._random(w, n, device) - size // 2
            ys = torch.arange(h, device=device)[None, :]
            xs = torch.arange(w, device=device)[None, :]
            inside_y = (ys >= top[:, None]) & (ys < top[:, None] + size)
            inside_x = (xs >= left[:, None]) & (xs < left[:, None] + size)
            keep = ~(inside_y[:, :, None] & inside_x[:, None, :])
            x = x * keep[:, None, :, :].to(x.dtype)
        return x


def _reflect(index, size):
    """Mirrors indices that fell off an edge back inside, without repeating the border pixel."""
    index = torch.where(index < 0, -index, index)
    return torch.where(index >= size, 2 * size - 2 - index, index)
