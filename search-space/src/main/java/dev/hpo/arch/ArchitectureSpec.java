package dev.hpo.arch;

import java.util.Objects;

/**
 * A baseline network scaled by three multipliers, as in the HAET search: depth (residual blocks per stage),
 * width (channels) and resolution (input side).
 *
 * <p>Rounding rules, shared by the cost model and every training engine through {@link #layout()}:
 * <ul>
 *   <li>channels: {@code max(1, round(base * width))}, rounding halves up;</li>
 *   <li>blocks: ResNet-9's residual pairs {@code round(base * depth)} (may reach 0); ResNet-18's basic blocks
 *       {@code max(1, round(base * depth))}, since each stage's first block does the downsampling;</li>
 *   <li>input side: {@code round(side * resolution)} for height and width, which must stay at least 8 so three
 *       halvings leave one pixel.</li>
 * </ul>
 *
 * @param family the baseline network
 * @param input shape of the dataset's images before the resolution multiplier
 * @param classes number of output classes, at least 2
 * @param depth depth multiplier, positive
 * @param width width multiplier, positive
 * @param resolution input resolution multiplier, positive
 */
public record ArchitectureSpec(
        ModelFamily family, InputShape input, int classes, double depth, double width, double resolution) {

    /** The smallest input side after scaling: every family halves the side three times. */
    public static final int MIN_SIDE = 8;

    public ArchitectureSpec {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(input, "input");
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        requirePositive("depth", depth);
        requirePositive("width", width);
        requirePositive("resolution", resolution);
        int height = scaleSide(input.height(), resolution);
        int w = scaleSide(input.width(), resolution);
        if (height < MIN_SIDE || w < MIN_SIDE) {
            throw new IllegalArgumentException("resolution " + resolution + " scales input " + input + " to "
                    + height + "x" + w + ", below the minimum side " + MIN_SIDE);
        }
    }

    /** The unscaled baseline. */
    public static ArchitectureSpec baseline(ModelFamily family, InputShape input, int classes) {
        return new ArchitectureSpec(family, input, classes, 1, 1, 1);
    }

    public ArchitectureSpec withMultipliers(double depth, double width, double resolution) {
        return new ArchitectureSpec(family, input, classes, depth, width, resolution);
    }

    /** The input shape the network actually sees, after the resolution multiplier. */
    public InputShape scaledInput() {
        return new InputShape(input.channels(), scaleSide(input.height(), resolution),
                scaleSide(input.width(), resolution));
    }

    /** The concrete layer sizes this spec stands for. */
    public NetworkLayout layout() {
        InputShape scaled = scaledInput();
        return switch (family) {
            case RESNET9 -> new NetworkLayout.ResNet9(scaled, classes,
                    channels(64), channels(128), channels(256), channels(512),
                    blocks(1, 0), blocks(1, 0));
            case RESNET18 -> new NetworkLayout.ResNet18(scaled, classes, channels(64),
                    new int[] {channels(64), channels(128), channels(256), channels(512)},
                    new int[] {blocks(2, 1), blocks(2, 1), blocks(2, 1), blocks(2, 1)});
        };
    }

    private int channels(int base) {
        return Math.max(1, roundHalfUp(base * width));
    }

    private int blocks(int base, int minimum) {
        return Math.max(minimum, roundHalfUp(base * depth));
    }

    private static int scaleSide(int side, double resolution) {
        return roundHalfUp(side * resolution);
    }

    private static int roundHalfUp(double value) {
        return (int) Math.floor(value + 0.5);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " multiplier must be a positive finite number, got " + value);
        }
    }
}
