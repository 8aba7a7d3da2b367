"""Augmentation on the device follows the rules of the Java ImageAugmenter: reflection-padded crops, flips and
cutout, each image of a batch drawn on its own."""
import unittest

import torch
import torch.nn.functional as F

from hpo_torch.data import Augmenter

SHAPE = (2, 6, 7)


def batch(n):
    return torch.arange(n * 2 * 6 * 7, dtype=torch.float32).reshape(n, *SHAPE)


def augmenter(padding=0, flip=False, cutout=0, seed=3):
    return Augmenter(padding, flip, cutout, SHAPE, torch.Generator().manual_seed(seed))


class AugmenterTest(unittest.TestCase):
    def test_every_crop_is_a_window_of_the_reflection_padded_image_within_the_padding(self):
        x = batch(64)
        out = augmenter(padding=2)(x)
        padded = F.pad(x, (2, 2, 2, 2), mode="reflect")
        offsets = set()
        for i in range(len(x)):
            found = [(dy, dx) for dy in range(5) for dx in range(5)
                     if torch.equal(out[i], padded[i, :, dy:dy + 6, dx:dx + 7])]
            self.assertTrue(found, "image %d is no crop of its padded image" % i)
            offsets.add(found[0])
        self.assertGreater(len(offsets), 10, "offsets are drawn per image")

    def test_flips_mirror_about_half_of_the_images_and_leave_the_rest(self):
        x = batch(200)
        out = augmenter(flip=True)(x)
        flipped = sum(1 for i in range(len(x)) if torch.equal(out[i], x[i].flip(2)))
        kept = sum(1 for i in range(len(x)) if torch.equal(out[i], x[i]))
        self.assertEqual(flipped + kept, 200)
        self.assertTrue(60 < flipped < 140, flipped)

    def test_cutout_zeroes_one_square_clipped_at_the_borders_and_nothing_else(self):
        x = batch(100) + 1
        out = augmenter(cutout=3)(x)
        for i in range(len(x)):
            zero = out[i] == 0
            self.assertTrue(torch.equal(zero[0], zero[1]), "the same square in every channel")
            rows = zero[0].any(dim=1).nonzero().flatten()
            cols = zero[0].any(dim=0).nonzero().flatten()
            self.assertTrue(1 <= len(rows) <= 3 and 1 <= len(cols) <= 3)
            self.assertEqual(int(zero[0].sum()), len(rows) * len(cols), "a rectangle")
            self.assertTrue(torch.equal(out[i][~zero], x[i][~zero]), "everything else untouched")

    def test_the_same_seed_gives_the_same_batch(self):
        x = batch(16)
        first = augmenter(padding=1, flip=True, cutout=2, seed=9)(x)
        again = augmenter(padding=1, flip=True, cutout=2, seed=9)(x)
        self.assertTrue(torch.equal(first, again))

    def test_a_padding_as_large_as_the_image_is_refused(self):
        with self.assertRaisesRegex(ValueError, "cropPadding 6 must be smaller"):
            augmenter(padding=6)


if __name__ == "__main__":
    unittest.main()
