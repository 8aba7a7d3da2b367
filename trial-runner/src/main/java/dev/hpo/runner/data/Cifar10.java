package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;
import dev.hpo.trial.DataSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * CIFAR-10 in its binary version: {@code data_batch_1.bin} to {@code data_batch_5.bin} and {@code test_batch.bin},
 * each a sequence of 3073-byte records (one label byte, then 1024 red, 1024 green and 1024 blue values, row by
 * row). As for Fashion-MNIST, training images come from the data batches and validation images from the test
 * batch. Class names come from {@code batches.meta.txt}; without it, the standard names are used.
 */
final class Cifar10 {

    static final InputShape SHAPE = InputShape.of(3, 32, 32);
    static final int RECORD_BYTES = 1 + 3 * 32 * 32;
    static final String BATCHES_FOLDER = "cifar-10-batches-bin";
    static final List<String> STANDARD_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");
    private static final int TRAINING_BATCHES = 5;

    private Cifar10() {
    }

    static SourceSubsets load(DataSpec spec) {
        Path directory = batchesDirectory(spec);
        List<String> names = classNames(directory);
        PartDraws draws = PartDraws.of(spec);
        List<Path> trainFiles = new ArrayList<>();
        for (int b = 1; b <= TRAINING_BATCHES; b++) {
            trainFiles.add(DataFiles.required(directory, "data_batch_" + b + ".bin"));
        }
        Path testFile = DataFiles.required(directory, "test_batch.bin");
        NativeImages train = part(trainFiles, names, StratifiedSubset.drawn(names, spec.trainPerClass(), "training",
                draws.training(), draws.excludedTraining()));
        NativeImages validation = part(List.of(testFile), names, StratifiedSubset.drawn(names, spec.valPerClass(),
                "validation", draws.validation(), draws.excludedValidation()));
        return new SourceSubsets(train, validation, names);
    }

    /** The test images that none of the spec's excluded subsets drew for validation. */
    static HeldOutImages.Source heldOut(DataSpec spec) {
        Path directory = batchesDirectory(spec);
        List<String> names = classNames(directory);
        Path testFile = DataFiles.required(directory, "test_batch.bin");
        return new HeldOutImages.Source(part(List.of(testFile), names, StratifiedSubset.leftOver(names,
                spec.valPerClass(), "validation", PartDraws.of(spec).excludedValidation())), names);
    }

    /** The folder holding the batches: the given (or default) directory, or its {@code cifar-10-batches-bin}. */
    static Path batchesDirectory(DataSpec spec) {
        if (spec.directory().isEmpty() && !Files.isDirectory(Cifar10Download.DEFAULT_CACHE)) {
            throw new DataException("CIFAR-10 is not in its default directory " + Cifar10Download.DEFAULT_CACHE
                    + ": download " + Cifar10Download.OFFICIAL_SOURCE + " and unpack it there, or name the directory"
                    + " holding data_batch_1.bin to data_batch_5.bin and test_batch.bin");
        }
        Path directory = DataFiles.directory(
                spec.directory().map(Path::of).orElse(Cifar10Download.DEFAULT_CACHE), "CIFAR-10");
        Path nested = directory.resolve(BATCHES_FOLDER);
        if (!Files.exists(directory.resolve("data_batch_1.bin")) && Files.isDirectory(nested)) {
            return nested;
        }
        return directory;
    }

    private static NativeImages part(List<Path> files, List<String> names, StratifiedSubset.Choice choice) {
        List<byte[]> contents = new ArrayList<>();
        int total = 0;
        for (Path file : files) {
            byte[] data = DataFiles.readAll(file);
            if (data.length == 0 || data.length % RECORD_BYTES != 0) {
                throw new DataException("wrong record size in CIFAR-10 batch " + file + ": " + data.length
                        + " bytes is not a whole number of " + RECORD_BYTES + "-byte records");
            }
            contents.add(data);
            total += data.length / RECORD_BYTES;
        }
        int[] labels = new int[total];
        int record = 0;
        for (int f = 0; f < files.size(); f++) {
            byte[] data = contents.get(f);
            for (int r = 0; r < data.length / RECORD_BYTES; r++) {
                int label = data[r * RECORD_BYTES] & 0xff;
                if (label >= names.size()) {
                    throw new DataException("label out of range in " + files.get(f) + ": record " + r + " has label "
                            + label + ", expected 0.." + (names.size() - 1));
                }
                labels[record++] = label;
            }
        }
        String pool = files.size() == 1 ? files.get(0).toString()
                : files.get(0).getParent().resolve("data_batch_{1.." + files.size() + "}.bin").toString();
        int[] indices = choice.of(labels, pool);
        return select(contents, labels, indices);
    }

    /** Copies the chosen records' pixels; indices count records across the files in order. */
    private static NativeImages select(List<byte[]> contents, int[] labels, int[] indices) {
        int volume = RECORD_BYTES - 1;
        byte[] pixels = new byte[indices.length * volume];
        int[] chosenLabels = new int[indices.length];
        int file = 0;
        int firstRecordOfFile = 0;
        for (int k = 0; k < indices.length; k++) {
            // Indices ascend, so the file only ever moves forward.
            while (indices[k] >= firstRecordOfFile + contents.get(file).length / RECORD_BYTES) {
                firstRecordOfFile += contents.get(file).length / RECORD_BYTES;
                file++;
            }
            int record = indices[k] - firstRecordOfFile;
            System.arraycopy(contents.get(file), record * RECORD_BYTES + 1, pixels, k * volume, volume);
            chosenLabels[k] = labels[indices[k]];
        }
        return new NativeImages(pixels, chosenLabels, SHAPE);
    }

    private static List<String> classNames(Path directory) {
        Path meta = directory.resolve("batches.meta.txt");
        if (!Files.isRegularFile(meta)) {
            return STANDARD_NAMES;
        }
        try {
            List<String> names = Files.readAllLines(meta, StandardCharsets.UTF_8).stream()
                    .map(String::trim).filter(line -> !line.isEmpty()).toList();
            if (names.size() != STANDARD_NAMES.size()) {
                throw new DataException("corrupt class names file " + meta + ": " + names.size()
                        + " names, CIFAR-10 has " + STANDARD_NAMES.size() + " classes");
            }
            return names;
        } catch (IOException e) {
            throw new DataException("unreadable class names file " + meta + ": " + DataFiles.describe(e), e);
        }
    }
}
