package dev.hpo.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.runner.data.DataFixtures;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.data.TrialDataLoader;
import dev.hpo.runner.dl4j.SavedNetwork;
import dev.hpo.runner.engine.SimulatedClock;
import dev.hpo.runner.engine.StudyDraws;
import dev.hpo.runner.engine.TrialClock;
import dev.hpo.runner.model.ModelCard;
import dev.hpo.study.TrialPlans;
import dev.hpo.trial.TrialPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A suggestion, as the API sends it, resolved to the plan the trainer runs. */
class RunTrialCommandTest {

    private static final String SUGGESTION = """
            {"id": 12, "studyId": 3, "number": 4, "configKey": 4, "repeat": 1, "attempt": 1,
             "parameters": {"width": 0.5, "learningRate": 0.05, "optimizer": "adam"},
             "seed": 42, "timeCapSeconds": 30.0, "heartbeatTimeoutSeconds": 10.0,
             "trialSettings": {"timeCap": "30s", "repeats": 2, "heartbeatTimeout": "10s",
                               "dataset": {"name": "fashion-mnist", "trainPerClass": 50, "valPerClass": 20},
                               "model": {"family": "resnet9"}}}""";

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void readingTheDataCountsAgainstTheTrialsCap() throws Exception {
        Path directory = DataFixtures.fashionMnist(temp, 8, 4, false);
        // The trial's clock is simulated, so no load on the machine changes what the trial sees; the data reader
        // stands for a disk that takes 20 s.
        SimulatedClock time = new SimulatedClock(Duration.ofMillis(10));
        TrialClock clock = time.start();
        RunTrialCommand command = new RunTrialCommand((spec, shape) -> {
            TrialData data = TrialDataLoader.load(spec, shape);
            time.advance(Duration.ofSeconds(20));
            return data;
        });
        command.datasetDirs.put("fashion-mnist", directory);
        String tiny = SUGGESTION.replace("\"timeCap\": \"30s\"", "\"timeCap\": \"25s\"")
                .replace("\"trainPerClass\": 50, \"valPerClass\": 20", "\"trainPerClass\": 8, \"valPerClass\": 4")
                .replace("\"width\": 0.5, \"learningRate\": 0.05, \"optimizer\": \"adam\"",
                        "\"width\": 0.125, \"depth\": 0.4, \"resolution\": 0.5, \"batchSize\": 16");
        StringWriter out = new StringWriter();

        int exit = command.run(json.readTree(tiny), new PrintWriter(out), clock);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\\R")) {
            lines.add(json.readTree(line));
        }
        assertThat(exit).as(out.toString()).isZero();
        assertThat(lines.get(0).path("started").asBoolean()).isTrue();
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.path("metrics").path("wallSeconds").asDouble()).as("the 20 s of reading are in the trial")
                .isGreaterThan(20).isLessThanOrEqualTo(25);
        assertThat(clock.elapsedSeconds()).isLessThanOrEqualTo(25);
    }

    @Test
    void aTrialOfAStudyThatKeepsArtifactsSavesItsNetworkAndNamesItInItsFinalLine() throws Exception {
        Path artifacts = Files.createDirectories(temp.resolve("artifacts"));
        RunTrialCommand command = tinyTrialCommand();
        ObjectNode trial = tinyTrial(true, artifacts);
        StringWriter out = new StringWriter();

        int exit = command.run(trial, new PrintWriter(out), TrialClock.startNow());

        String[] lines = out.toString().split("\\R");
        JsonNode last = json.readTree(lines[lines.length - 1]);
        assertThat(exit).as(out.toString()).isZero();
        Path saved = artifacts.resolve(RunTrialCommand.NETWORK_FILE);
        assertThat(last.path("artifacts").toString()).isEqualTo("[\"" + saved + "\"]");
        ModelCard card = SavedNetwork.load(saved).card();
        assertThat(card.study()).contains(new StudyDraws(42, 2));
        assertThat(card.plan().data().subsetSeed()).isEqualTo(TrialPlans.subsetSeed(42, 1));
        assertThat(card.validationAccuracy()).isEqualTo(last.path("metrics").path("accuracy").asDouble());
    }

    @Test
    void aTrialOfAStudyThatKeepsNothingSavesNothing() throws Exception {
        Path artifacts = Files.createDirectories(temp.resolve("artifacts"));
        RunTrialCommand command = tinyTrialCommand();
        ObjectNode trial = tinyTrial(false, artifacts);
        StringWriter out = new StringWriter();

        command.run(trial, new PrintWriter(out), TrialClock.startNow());

        String[] lines = out.toString().split("\\R");
        assertThat(json.readTree(lines[lines.length - 1]).has("artifacts")).isFalse();
        try (var files = Files.list(artifacts)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void thePytorchEngineSpeaksTheSameLinesToTheWorker() throws Exception {
        Path directory = DataFixtures.fashionMnist(temp, 8, 4, false);
        RunTrialCommand command = new RunTrialCommand();
        new CommandLine(command).parseArgs("--engine", "pytorch", "--dataset-dir", "fashion-mnist=" + directory);
        String tiny = SUGGESTION.replace("\"trainPerClass\": 50, \"valPerClass\": 20",
                        "\"trainPerClass\": 8, \"valPerClass\": 4")
                .replace("\"width\": 0.5, \"learningRate\": 0.05, \"optimizer\": \"adam\"",
                        "\"width\": 0.125, \"depth\": 0.4, \"resolution\": 0.5, \"batchSize\": 16");
        StringWriter out = new StringWriter();

        int exit = command.run(json.readTree(tiny), new PrintWriter(out), TrialClock.startNow());

        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\\R")) {
            lines.add(json.readTree(line));
        }
        assumeFalse(lines.get(0).path("reason").asText().contains("needs a Python interpreter with torch"),
                lines.get(0).path("reason").asText());
        assertThat(exit).as(out.toString()).isZero();
        assertThat(lines.get(0).path("started").asBoolean()).isTrue();
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.path("metrics").path("wallSeconds").asDouble()).as(out.toString()).isPositive();
        assertThat(last.path("metrics").path("macs").asLong()).isPositive();
        lines.subList(1, lines.size() - 1).forEach(line -> {
            assertThat(line.path("step").asInt()).isPositive();
            assertThat(line.path("metrics").has("accuracy")).isTrue();
        });
    }

    @Test
    void resolvesTheConfigurationAndRepeatAgainstTheStudysTrialSettings() throws Exception {
        RunTrialCommand command = new RunTrialCommand();

        TrialPlan plan = command.plan(json.readTree(SUGGESTION));

        assertThat(plan.architecture().width()).isEqualTo(0.5);
        assertThat(plan.training().learningRate()).isEqualTo(0.05);
        assertThat(plan.training().optimizer().id()).isEqualTo("adam");
        assertThat(plan.data().trainPerClass()).isEqualTo(50);
        assertThat(plan.timeCap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.data().directory()).isEmpty();
    }

    @Test
    void usesTheWorkersDataDirectoryWhenTheSettingsNameNone() throws Exception {
        RunTrialCommand command = new RunTrialCommand();
        command.datasetDirs.put("fashion-mnist", Path.of("/data/fmnist"));

        TrialPlan plan = command.plan(json.readTree(SUGGESTION));

        assertThat(plan.data().directory()).isEqualTo(Optional.of("/data/fmnist"));
    }

    @Test
    void aDatasetFolderTheSettingsNameIsFoundInsideTheDataRoots() throws Exception {
        Path root = Files.createDirectories(temp.resolve("datasets"));
        Path fmnist = DataFixtures.fashionMnist(Files.createDirectories(root.resolve("fmnist")), 8, 4, false);
        RunTrialCommand command = new RunTrialCommand();
        new CommandLine(command).parseArgs("--data-root", root.toString());

        TrialPlan plan = command.plan(json.readTree(withDirectory("fmnist")));

        assertThat(plan.data().directory()).contains(fmnist.toRealPath().toString());
    }

    @Test
    void aDatasetFolderLinkedOutOfTheDataRootsFailsTheTrialNamingTheField() throws Exception {
        Path root = Files.createDirectories(temp.resolve("datasets"));
        Path elsewhere = DataFixtures.fashionMnist(Files.createDirectories(temp.resolve("elsewhere")), 8, 4, false);
        Files.createSymbolicLink(root.resolve("fmnist"), elsewhere);
        RunTrialCommand command = new RunTrialCommand();
        new CommandLine(command).parseArgs("--data-root", root.toString());
        StringWriter out = new StringWriter();

        int exit = command.run(json.readTree(withDirectory(root.resolve("fmnist").toString())),
                new PrintWriter(out), TrialClock.startNow());

        JsonNode line = json.readTree(out.toString().strip());
        assertThat(exit).isEqualTo(1);
        assertThat(line.path("failed").asBoolean()).isTrue();
        assertThat(line.path("reason").asText()).startsWith("trialSettings.dataset.directory: ")
                .contains("is really " + elsewhere.toRealPath() + ", outside this worker's data roots");
    }

    @Test
    void aDatasetFolderOutsideTheDataRootsIsRefusedEvenWithTheWorkersOwnFolderForIt() throws Exception {
        RunTrialCommand command = new RunTrialCommand();
        new CommandLine(command).parseArgs("--data-root", temp.toString(), "--dataset-dir",
                "fashion-mnist=" + temp);

        assertThatThrownBy(() -> command.plan(json.readTree(withDirectory("/etc"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("trialSettings.dataset.directory: /etc is outside this worker's data roots");
    }

    private static String withDirectory(String directory) {
        return SUGGESTION.replace("\"name\": \"fashion-mnist\",",
                "\"name\": \"fashion-mnist\", \"directory\": \"" + directory + "\",");
    }

    @Test
    void repeatsOfOneConfigurationDrawDistinctSubsets() throws Exception {
        RunTrialCommand command = new RunTrialCommand();
        String first = SUGGESTION.replace("\"repeat\": 1", "\"repeat\": 0");

        assertThat(command.plan(json.readTree(first)).data().subsetSeed())
                .isNotEqualTo(command.plan(json.readTree(SUGGESTION)).data().subsetSeed());
    }

    @Test
    void anUnknownParameterIsAnErrorNamingIt() throws Exception {
        RunTrialCommand command = new RunTrialCommand();
        String unknown = SUGGESTION.replace("\"optimizer\": \"adam\"", "\"dropout\": 0.1");

        assertThatThrownBy(() -> command.plan(json.readTree(unknown)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dropout");
    }

    /** A worker's trial command reading a tiny Fashion-MNIST folder. */
    private RunTrialCommand tinyTrialCommand() {
        RunTrialCommand command = new RunTrialCommand();
        command.datasetDirs.put("fashion-mnist", DataFixtures.fashionMnist(temp, 8, 4, false));
        return command;
    }

    /** The suggestion shrunk to a network and subset that train in seconds, keeping its network or not. */
    private ObjectNode tinyTrial(boolean keepArtifacts, Path artifacts) throws Exception {
        ObjectNode trial = (ObjectNode) json.readTree(SUGGESTION.replace("\"trainPerClass\": 50, \"valPerClass\": 20",
                        "\"trainPerClass\": 8, \"valPerClass\": 4")
                .replace("\"width\": 0.5, \"learningRate\": 0.05, \"optimizer\": \"adam\"",
                        "\"width\": 0.125, \"depth\": 0.4, \"resolution\": 0.5, \"batchSize\": 16"));
        trial.put("keepArtifacts", keepArtifacts).put(TrialExecution.ARTIFACT_DIRECTORY, artifacts.toString());
        return trial;
    }
}
