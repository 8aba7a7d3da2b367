package dev.hpo.runner.torch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.ModelFamily;
import dev.hpo.runner.data.DataFixtures;
import dev.hpo.runner.data.LabeledImages;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.data.TrialDataLoader;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrialPlan;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both engines train on the same images: the trial runner draws and prepares the stratified subsets of a plan
 * once, the DL4J engine trains on them in memory, and the PyTorch engine reads what {@link EngineInput} wrote of
 * them. The engine's own reader reports digests of what it read, which must be those of the DL4J engine's input.
 */
class EngineInputTest {

    @TempDir
    Path temp;

    @Test
    void thePythonEngineReadsExactlyTheSubsetsTheDl4jEngineTrainsOn() throws Exception {
        Path files = DataFixtures.fashionMnist(temp.resolve("data"), 12, 6, true);
        DataSpec data = new DataSpec(Dataset.FASHION_MNIST, Optional.of(files.toString()), 5, 3, 42);
        ArchitectureSpec architecture = new ArchitectureSpec(ModelFamily.RESNET9, Dataset.FASHION_MNIST.nativeInput()
                .orElseThrow(), 10, 0.4, 0.125, 0.5);
        TrialPlan plan = new TrialPlan(architecture, data, TrainingOptions.defaults(), Duration.ofSeconds(10));
        TrialData dl4jInput = TrialDataLoader.load(data, architecture.scaledInput());
        Path directory = Files.createDirectories(temp.resolve("trial"));

        EngineInput.write(directory, plan, TrialDataLoader.load(data, architecture.scaledInput()));
        JsonNode read = Torch.event(List.of("read", directory.toString()), new byte[0]);

        assertThat(read.path("event").asText()).as(read.toString()).isEqualTo("read");
        assertThat(read.at("/train/images").asInt()).isEqualTo(50);
        assertThat(read.at("/train/sha256").asText()).isEqualTo(digest(dl4jInput.train()));
        assertThat(read.at("/validation/images").asInt()).isEqualTo(30);
        assertThat(read.at("/validation/sha256").asText())
                .as("the validation images, in the class-interleaved order both engines evaluate in")
                .isEqualTo(digest(dl4jInput.validation().interleavedByClass()));
    }

    @Test
    void anotherSubsetSeedGivesOtherImages() throws Exception {
        Path files = DataFixtures.fashionMnist(temp.resolve("data"), 12, 6, true);
        ArchitectureSpec architecture = new ArchitectureSpec(ModelFamily.RESNET9, Dataset.FASHION_MNIST.nativeInput()
                .orElseThrow(), 10, 0.4, 0.125, 0.5);
        DataSpec first = new DataSpec(Dataset.FASHION_MNIST, Optional.of(files.toString()), 5, 3, 1);

        String one = digest(TrialDataLoader.load(first, architecture.scaledInput()).train());
        String other = digest(TrialDataLoader.load(first.withSubsetSeed(2), architecture.scaledInput()).train());

        assertThat(one).as("the digest tells subsets apart").isNotEqualTo(other);
    }

    /** SHA-256 of the float32 pixels then the int32 labels, little-endian: the bytes the engine reads. */
    private static String digest(LabeledImages images) throws Exception {
        ByteBuffer pixels = ByteBuffer.allocate(images.pixels().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        pixels.asFloatBuffer().put(images.pixels());
        ByteBuffer labels = ByteBuffer.allocate(images.labels().length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        labels.asIntBuffer().put(images.labels());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(pixels.array());
        sha.update(labels.array());
        return HexFormat.of().formatHex(sha.digest());
    }
}
