package dev.hpo.runner.dl4j;

import dev.hpo.arch.InputShape;
import dev.hpo.runner.data.LabeledImages;
import dev.hpo.runner.model.ClassAccuracy;
import dev.hpo.runner.model.ModelCard;
import dev.hpo.runner.model.ModelCardJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained network in one zip: the {@link ComputationGraph} as DL4J's {@link ModelSerializer} writes it
 * (configuration and weights, the frozen whitening convolution among them; no updater state, which predicting does
 * not need) and its {@link ModelCard} as the {@value ModelCardJson#ENTRY} entry.
 */
public final class SavedNetwork {

    private static final int BATCH = 256;

    private final ComputationGraph net;
    private final ModelCard card;

    private SavedNetwork(ComputationGraph net, ModelCard card) {
        this.net = net;
        this.card = card;
    }

    /** Writes the network and its card to {@code file}, replacing it. */
    public static void save(ComputationGraph net, ModelCard card, Path file) throws IOException {
        ModelSerializer.writeModel(net, file.toFile(), false);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + file.toUri()), Map.of())) {
            Files.writeString(zip.getPath(ModelCardJson.ENTRY), ModelCardJson.write(card), StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads a network saved by {@link #save}.
     *
     * @throws IllegalArgumentException when the file is missing, not such a zip, or holds another engine's network
     */
    public static SavedNetwork load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no model file at " + file);
        }
        ModelCard card;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(ModelCardJson.ENTRY);
            if (entry == null) {
                throw new IllegalArgumentException(file + " is not a network saved by hpo: it has no "
                        + ModelCardJson.ENTRY);
            }
            String text = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            String engine = ModelCardJson.engine(text);
            if (!engine.equals(Dl4jEngine.NAME)) {
                throw new IllegalArgumentException(file + " holds a network the " + engine + " engine saved; only "
                        + "networks of the " + Dl4jEngine.NAME + " engine can be loaded here");
            }
            card = ModelCardJson.read(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a readable zip: " + e.getMessage(), e);
        }
        try {
            return new SavedNetwork(ModelSerializer.restoreComputationGraph(file.toFile(), false), card);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " holds no readable DL4J network: " + e.getMessage(), e);
        }
    }

    public ModelCard card() {
        return card;
    }

    /**
     * Scores the network on prepared images (the card's input shape and normalisation; labels in the order of its
     * class names), each averaged with its mirror image when the network was trained to be evaluated so.
     *
     * @throws IllegalArgumentException when the images' shape is not the network's input
     */
    public ClassAccuracy score(LabeledImages images) {
        InputShape shape = images.shape();
        if (!shape.equals(card.plan().architecture().scaledInput())) {
            throw new IllegalArgumentException("images of " + shape + " do not fit the network's input "
                    + card.plan().architecture().scaledInput());
        }
        boolean flip = card.plan().training().flipTestTimeAugmentation();
        List<String> classNames = card.classNames();
        int classes = classNames.size();
        int[] seen = new int[classes];
        int[] correct = new int[classes];
        int perImage = images.imageVolume();
        for (int start = 0; start < images.size(); start += BATCH) {
            int count = Math.min(BATCH, images.size() - start);
            float[] pixels = new float[count * perImage];
            System.arraycopy(images.pixels(), start * perImage, pixels, 0, count * perImage);
            INDArray scores = net.output(false, Batches.features(pixels, count, shape))[0].dup();
            if (flip) {
                scores.addi(net.output(false, Batches.features(Batches.flipped(pixels, count, shape), count,
                        shape))[0]);
            }
            int[] predicted = scores.argMax(1).toIntVector();
            for (int i = 0; i < count; i++) {
                int label = images.labels()[start + i];
                seen[label]++;
                if (predicted[i] == label) {
                    correct[label]++;
                }
            }
        }
        return new ClassAccuracy(classNames, seen, correct);
    }
}
