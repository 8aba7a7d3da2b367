package dev.hpo.runner.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.runner.data.SyntheticData;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.engine.NetworkExport;
import dev.hpo.runner.engine.SimulatedClock;
import dev.hpo.runner.engine.StudyDraws;
import dev.hpo.runner.engine.TrialResult;
import dev.hpo.runner.engine.TrialStatus;
import dev.hpo.runner.model.ClassAccuracy;
import dev.hpo.runner.model.ModelCard;
import dev.hpo.trial.Activation;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import dev.hpo.trial.TrainingOptionsBuilder;
import dev.hpo.trial.TrialPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedNetworkTest {

    private static final InputShape SHAPE = InputShape.of(1, 12, 12);
    private static final TrialData SYNTHETIC = SyntheticData.quadrants(SHAPE, 32, 16, 7);
    /** Whitening (a frozen convolution), CELU (a layer of our own) and flip averaging: all must survive saving. */
    private static final TrialPlan PLAN = new TrialPlan(
            new ArchitectureSpec(ModelFamily.RESNET9, SHAPE, 4, 0.4, 0.125, 1),
            new DataSpec(Dataset.FASHION_MNIST, Optional.empty(), 32, 16, 3),
            TrainingOptionsBuilder.defaults().batchSize(16).learningRate(0.05).cropPadding(0).flip(false)
                    .whitening(true).activation(Activation.CELU).flipTestTimeAugmentation(true).build(),
            Duration.ofSeconds(5));

    @TempDir
    Path folder;

    @Test
    void aCompletedTrialsNetworkLoadsBackAndScoresAsItDidInTraining() {
        Path file = folder.resolve("network.zip");

        TrialResult result = new Dl4jEngine().train(PLAN, SYNTHETIC, m -> true,
                new SimulatedClock(Duration.ofMillis(10)).start(),
                new NetworkExport(file, Optional.of(new StudyDraws(42, 2))));

        assertThat(result.status()).as(result.toString()).isEqualTo(TrialStatus.COMPLETE);
        assertThat(result.flipAveraged()).isTrue();
        assertThat(result.validationImages()).isEqualTo(SYNTHETIC.validation().size());
        SavedNetwork saved = SavedNetwork.load(file);
        ModelCard card = saved.card();
        assertThat(card.plan()).isEqualTo(PLAN);
        assertThat(card.classNames()).isEqualTo(SYNTHETIC.classNames());
        assertThat(card.normalisation()).isEqualTo(SYNTHETIC.normalisation());
        assertThat(card.study()).contains(new StudyDraws(42, 2));
        assertThat(card.subsetSeeds()).hasSize(2).doesNotHaveDuplicates();
        assertThat(card.validationAccuracy()).isEqualTo(result.accuracy());
        ClassAccuracy score = saved.score(SYNTHETIC.validation());
        assertThat(score.totalImages()).isEqualTo(SYNTHETIC.validation().size());
        assertThat(score.accuracy()).isEqualTo(result.accuracy());
    }

    @Test
    void aTrialThatDoesNotCompleteSavesNothing() {
        Path file = folder.resolve("network.zip");

        TrialResult result = new Dl4jEngine().train(PLAN, SYNTHETIC, m -> false,
                new SimulatedClock(Duration.ofMillis(10)).start(), new NetworkExport(file, Optional.empty()));

        assertThat(result.status()).isEqualTo(TrialStatus.STOPPED);
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesFilesThatAreNotSavedNetworks() throws IOException {
        Path text = Files.writeString(folder.resolve("notes.zip"), "not a zip");
        Path otherZip = folder.resolve("other.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(otherZip))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
        }
        Path torch = folder.resolve("torch.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(torch))) {
            zip.putNextEntry(new ZipEntry("hpo-model.json"));
            zip.write("{\"format\": 1, \"engine\": \"pytorch\", \"plan\": {}}".getBytes());
        }

        assertThatThrownBy(() -> SavedNetwork.load(folder.resolve("missing.zip")))
                .hasMessageContaining("no model file at");
        assertThatThrownBy(() -> SavedNetwork.load(text)).hasMessageContaining("is not a readable zip");
        assertThatThrownBy(() -> SavedNetwork.load(otherZip)).hasMessageContaining("is not a network saved by hpo");
        assertThatThrownBy(() -> SavedNetwork.load(torch)).hasMessageContaining("the pytorch engine saved");
    }
}
