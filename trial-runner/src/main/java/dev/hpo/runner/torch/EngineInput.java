package dev.hpo.runner.torch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.arch.ArchitectureCost;
import dev.hpo.arch.CostModel;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.NetworkLayout;
import dev.hpo.runner.data.LabeledImages;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.plan.TrialPlanJson;
import dev.hpo.trial.TrialPlan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the Python engine reads for one trial, written to a directory: {@code trial.json} (the plan, the network's
 * layout with every channel and block count already rounded, its cost, and the subsets' files) and the subsets as
 * raw little-endian arrays, float32 pixels channels-first and int32 labels. The subsets are the ones the trial
 * runner drew and prepared for the plan, the DL4J engine's very input, so both engines train on the same images;
 * the validation images come interleaved by class, the order both engines evaluate in.
 */
public final class EngineInput {

    public static final String TRIAL_FILE = "trial.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK_VALUES = 1 << 16;

    private EngineInput() {
    }

    /** Writes the engine's input for {@code plan} and its {@code data} into {@code directory}, which must exist. */
    public static void write(Path directory, TrialPlan plan, TrialData data) throws IOException {
        ObjectNode trial = JSON.createObjectNode();
        trial.set("plan", TrialPlanJson.write(plan));
        trial.set("layout", layout(plan.architecture().layout()));
        ArchitectureCost cost = CostModel.of(plan.architecture());
        trial.putObject("cost").put("macs", cost.macs()).put("params", cost.params());
        ObjectNode files = trial.putObject("data").put("classes", data.classes());
        files.set("train", subset(directory, "train", data.train()));
        files.set("validation", subset(directory, "validation", data.validation().interleavedByClass()));
        JSON.writerWithDefaultPrettyPrinter().writeValue(directory.resolve(TRIAL_FILE).toFile(), trial);
    }

    /** The layout as the engine's network builder reads it. */
    public static ObjectNode layout(NetworkLayout layout) {
        ObjectNode json = JSON.createObjectNode();
        InputShape in = layout.input();
        json.putArray("input").add(in.channels()).add(in.height()).add(in.width());
        json.put("classes", layout.classes());
        if (layout instanceof NetworkLayout.ResNet9 net) {
            json.put("family", "resnet9").put("prep", net.prep()).put("layer1", net.layer1())
                    .put("layer2", net.layer2()).put("layer3", net.layer3()).put("residual1", net.residual1())
                    .put("residual3", net.residual3());
        } else if (layout instanceof NetworkLayout.ResNet18 net) {
            json.put("family", "resnet18").put("stem", net.stem());
            ArrayNode channels = json.putArray("stageChannels");
            for (int c : net.stageChannels()) {
                channels.add(c);
            }
            ArrayNode blocks = json.putArray("stageBlocks");
            for (int b : net.stageBlocks()) {
                blocks.add(b);
            }
        } else {
            throw new IllegalArgumentException("the pytorch engine cannot build " + layout);
        }
        return json;
    }

    private static ObjectNode subset(Path directory, String name, LabeledImages images) throws IOException {
        String pixels = name + "-pixels.f32";
        String labels = name + "-labels.i32";
        writeFloats(directory.resolve(pixels), images.pixels());
        writeInts(directory.resolve(labels), images.labels());
        return JSON.createObjectNode().put("count", images.size()).put("pixels", pixels).put("labels", labels);
    }

    private static void writeFloats(Path file, float[] values) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK_VALUES * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int from = 0; from < values.length; from += CHUNK_VALUES) {
                int count = Math.min(CHUNK_VALUES, values.length - from);
                buffer.clear();
                buffer.asFloatBuffer().put(values, from, count);
                buffer.limit(count * Float.BYTES);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        }
    }

    private static void writeInts(Path file, int[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        Files.write(file, buffer.array(), StandardOpenOption.CREATE_NEW);
    }
}
