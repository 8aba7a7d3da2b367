package dev.hpo.runner.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small data files in the real formats (and broken variants) for tests. */
final class DataFixtures {

    private DataFixtures() {
    }

    /** A pixel value that differs between images, so images can be told apart after normalisation. */
    static byte pixel(int image, int position) {
        return (byte) ((image * 31 + position * 7 + image / 251) % 256);
    }

    /** Labels cycling through {@code classes}, {@code perClass} of each. */
    static int[] cyclicLabels(int classes, int perClass) {
        int[] labels = new int[classes * perClass];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % classes;
        }
        return labels;
    }

    static byte[] idxImages(int count, int rows, int columns, int firstImage) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * columns);
        buffer.putInt(0x00000803).putInt(count).putInt(rows).putInt(columns);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * columns; p++) {
                buffer.put(pixel(firstImage + i, p));
            }
        }
        return buffer.array();
    }

    static byte[] idxLabels(int[] labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(0x00000801).putInt(labels.length);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        return buffer.array();
    }

    /** A Fashion-MNIST directory of 28x28 images with {@code trainPerClass} and {@code testPerClass} per class. */
    static Path fashionMnist(Path directory, int trainPerClass, int testPerClass, boolean gzip) {
        int[] train = cyclicLabels(10, trainPerClass);
        int[] test = cyclicLabels(10, testPerClass);
        write(directory, "train-images-idx3-ubyte", idxImages(train.length, 28, 28, 0), gzip);
        write(directory, "train-labels-idx1-ubyte", idxLabels(train), gzip);
        write(directory, "t10k-images-idx3-ubyte", idxImages(test.length, 28, 28, 100_000), gzip);
        write(directory, "t10k-labels-idx1-ubyte", idxLabels(test), gzip);
        return directory;
    }

    /** Writes {@code name} (plus {@code .gz} when compressed), removing the other variant. */
    static Path write(Path directory, String name, byte[] content, boolean gzip) {
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(directory.resolve(name));
            Files.deleteIfExists(directory.resolve(name + ".gz"));
            Path file = directory.resolve(gzip ? name + ".gz" : name);
            Files.write(file, gzip ? gzip(content) : content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** CIFAR-10 records: label byte then 3x32x32 values, the red plane of record i filled with i's pattern. */
    static byte[] cifarRecords(int[] labels, int firstImage) {
        byte[] data = new byte[labels.length * Cifar10.RECORD_BYTES];
        for (int r = 0; r < labels.length; r++) {
            int at = r * Cifar10.RECORD_BYTES;
            data[at] = (byte) labels[r];
            for (int p = 0; p < 3 * 1024; p++) {
                data[at + 1 + p] = pixel(firstImage + r, p);
            }
        }
        return data;
    }

    /** A CIFAR-10 directory: five training batches of {@code perBatchPerClass} per class, one test batch. */
    static Path cifar10(Path directory, int perBatchPerClass, int testPerClass, boolean withMeta) {
        for (int b = 1; b <= 5; b++) {
            write(directory, "data_batch_" + b + ".bin",
                    cifarRecords(cyclicLabels(10, perBatchPerClass), b * 10_000), false);
        }
        write(directory, "test_batch.bin", cifarRecords(cyclicLabels(10, testPerClass), 90_000), false);
        if (withMeta) {
            write(directory, "batches.meta.txt", String.join("\n", Cifar10.STANDARD_NAMES).concat("\n\n")
                    .replace("airplane", "plane").getBytes(java.nio.charset.StandardCharsets.US_ASCII), false);
        }
        return directory;
    }
}
