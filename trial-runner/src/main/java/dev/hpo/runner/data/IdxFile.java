package dev.hpo.runner.data;

import java.nio.file.Path;

/**
 * An IDX file (the MNIST format): a big-endian magic number {@code 0x00 0x00 type dims}, one 32-bit size per
 * dimension, then the values. Only unsigned bytes (type {@code 0x08}) are used by image datasets.
 *
 * @param file where it was read from, for error messages
 * @param data the whole file content, header included
 * @param dimensions the declared size of each dimension
 * @param dataOffset where the values start in {@code data}
 */
record IdxFile(Path file, byte[] data, int[] dimensions, int dataOffset) {

    private static final int UNSIGNED_BYTE = 0x08;

    /**
     * Reads a file and checks its header: the magic number, the dimension count and that the values are all there.
     *
     * @param expectedDimensions 3 for images (count, rows, columns), 1 for labels
     */
    static IdxFile read(Path file, int expectedDimensions) {
        byte[] data = DataFiles.readAll(file);
        if (data.length < 4) {
            throw new DataException("truncated IDX file " + file + ": " + data.length + " bytes, not even a header");
        }
        int magic = DataFiles.bigEndianInt(data, 0);
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDimensions;
        if (magic != expectedMagic) {
            throw new DataException(String.format("bad magic number in IDX file %s: 0x%08X, expected 0x%08X "
                    + "(unsigned bytes, %d dimensions)", file, magic, expectedMagic, expectedDimensions));
        }
        int headerBytes = 4 + 4 * expectedDimensions;
        if (data.length < headerBytes) {
            throw new DataException("truncated IDX file " + file + ": the header needs " + headerBytes + " bytes, got "
                    + data.length);
        }
        int[] dimensions = new int[expectedDimensions];
        long values = 1;
        for (int d = 0; d < expectedDimensions; d++) {
            dimensions[d] = DataFiles.bigEndianInt(data, 4 + 4 * d);
            if (dimensions[d] < 0) {
                throw new DataException("corrupt IDX file " + file + ": dimension " + d + " is negative");
            }
            values *= dimensions[d];
        }
        long expectedLength = headerBytes + values;
        if (data.length < expectedLength) {
            throw new DataException("truncated IDX file " + file + ": the header declares " + describe(dimensions)
                    + " (" + expectedLength + " bytes) but the file holds " + data.length + " bytes");
        }
        if (data.length > expectedLength) {
            throw new DataException("corrupt IDX file " + file + ": the header declares " + describe(dimensions)
                    + " (" + expectedLength + " bytes) but the file holds " + data.length + " bytes");
        }
        return new IdxFile(file, data, dimensions, headerBytes);
    }

    int count() {
        return dimensions[0];
    }

    /** The values of a one-dimensional file as labels, each checked to be below {@code classes}. */
    int[] labels(int classes) {
        int[] labels = new int[count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data[dataOffset + i] & 0xff;
            if (labels[i] >= classes) {
                throw new DataException("label out of range in " + file + ": entry " + i + " is " + labels[i]
                        + ", expected 0.." + (classes - 1));
            }
        }
        return labels;
    }

    private static String describe(int[] dimensions) {
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < dimensions.length; d++) {
            text.append(d == 0 ? "" : "x").append(dimensions[d]);
        }
        return text.toString();
    }
}
