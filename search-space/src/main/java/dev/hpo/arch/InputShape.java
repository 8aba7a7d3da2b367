package dev.hpo.arch;

/**
 * The shape of one input image, channels first.
 *
 * @param channels colour channels, 1 (grey) or more
 * @param height pixels
 * @param width pixels
 */
public record InputShape(int channels, int height, int width) {

    public InputShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "input shape must be positive in every dimension, got " + channels + "x" + height + "x" + width);
        }
    }

    public static InputShape of(int channels, int height, int width) {
        return new InputShape(channels, height, width);
    }

    /**
     * Parses {@code CxHxW}, e.g. {@code 3x32x32}.
     *
     * @throws IllegalArgumentException when the text is not three positive integers separated by {@code x}
     */
    public static InputShape parse(String text) {
        String[] parts = text.trim().toLowerCase().split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("input shape must be CxHxW, e.g. 3x32x32, got '" + text + "'");
        }
        try {
            return new InputShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("input shape must be CxHxW, e.g. 3x32x32, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
