package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/** Decodes PNG and JPEG files into 8-bit channels-first pixels with javax.imageio. */
final class ImageDecoding {

    static {
        // Decoding runs in memory; ImageIO's default temp-file cache only slows it down.
        ImageIO.setUseCache(false);
    }

    private ImageDecoding() {
    }

    /** Size and channel count (1 for grey, 3 for colour) from the file's header, without decoding the pixels. */
    static InputShape shapeOf(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DataException("unreadable image " + file + ": not a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageTypeSpecifier type = reader.getImageTypes(0).next();
                int channels = type.getColorModel().getNumColorComponents() == 1 ? 1 : 3;
                return InputShape.of(channels, reader.getHeight(0), reader.getWidth(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new DataException("unreadable image " + file + ": " + DataFiles.describe(e), e);
        }
    }

    /** The image's pixels at {@code shape}: converted to its channel count and resized when its size differs. */
    static byte[] read(Path file, InputShape shape) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DataException("unreadable image " + file + ": " + DataFiles.describe(e), e);
        }
        if (image == null) {
            throw new DataException("unreadable image " + file + ": not a PNG or JPEG image");
        }
        InputShape own = InputShape.of(shape.channels(), image.getHeight(), image.getWidth());
        byte[] pixels = pixels(image, shape.channels());
        if (own.equals(shape)) {
            return pixels;
        }
        float[] values = Channels.convert(pixels, 0, own, shape.channels());
        float[] resized = new float[LabeledImages.volume(shape)];
        new Resizer(own.height(), own.width(), shape.height(), shape.width())
                .resize(values, 0, resized, 0, shape.channels());
        byte[] out = new byte[resized.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(resized[i] * 255f)));
        }
        return out;
    }

    private static byte[] pixels(BufferedImage image, int channels) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        byte[] out = new byte[channels * plane];
        ColorModel model = image.getColorModel();
        if (model.getNumColorComponents() == 1 && model.getNumComponents() <= 2) {
            // Grey samples are read as stored: getRGB would pass them through a linear-to-sRGB conversion.
            int bits = model.getComponentSize(0);
            int max = (1 << bits) - 1;
            int[] samples = image.getRaster().getSamples(0, 0, width, height, 0, (int[]) null);
            for (int p = 0; p < plane; p++) {
                byte grey = (byte) (bits == 8 ? samples[p] : Math.round(samples[p] * 255f / max));
                for (int c = 0; c < channels; c++) {
                    out[c * plane + p] = grey;
                }
            }
            return out;
        }
        int bands;
        int[] samples;
        if (isPlainEightBitRgb(model)) {
            // Stored sRGB samples as they are: twice as fast as getRGB's per-pixel colour model calls.
            bands = image.getRaster().getNumBands();
            samples = image.getRaster().getPixels(0, 0, width, height, (int[]) null);
        } else {
            bands = 0;
            samples = image.getRGB(0, 0, width, height, null, 0, width);
        }
        for (int p = 0; p < plane; p++) {
            int red;
            int green;
            int blue;
            if (bands > 0) {
                red = samples[p * bands];
                green = samples[p * bands + 1];
                blue = samples[p * bands + 2];
            } else {
                red = (samples[p] >> 16) & 0xff;
                green = (samples[p] >> 8) & 0xff;
                blue = samples[p] & 0xff;
            }
            if (channels == 1) {
                out[p] = (byte) Math.round(0.299f * red + 0.587f * green + 0.114f * blue);
            } else {
                out[p] = (byte) red;
                out[plane + p] = (byte) green;
                out[2 * plane + p] = (byte) blue;
            }
        }
        return out;
    }

    /** Red, green, blue (and maybe alpha) bands of 8 bits in sRGB, not a palette. */
    private static boolean isPlainEightBitRgb(ColorModel model) {
        if (model instanceof IndexColorModel || model.isAlphaPremultiplied()
                || !model.getColorSpace().isCS_sRGB() || model.getNumColorComponents() != 3) {
            return false;
        }
        for (int size : model.getComponentSize()) {
            if (size != 8) {
                return false;
            }
        }
        return true;
    }
}
