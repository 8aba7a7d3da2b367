package dev.hpo.runner.predict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.runner.RunnerCommand;
import dev.hpo.runner.data.DataFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PredictCommandTest {

    @TempDir
    Path temp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RunnerCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aSavedNetworkIsScoredOnTheTestImagesItsTrialDidNotValidateOnClassByClass() {
        // 10 test images per class, 4 of them drawn for validation: 6 per class are held out.
        Path data = DataFixtures.fashionMnist(temp.resolve("data"), 8, 10, false);
        Path model = temp.resolve("net.zip");
        Run trained = run("train", "--data-dir", data.toString(), "--train-per-class", "8", "--val-per-class", "4",
                "--depth", "0.4", "--width", "0.125", "--resolution", "0.5", "--batch-size", "16", "--time-cap",
                "20s", "--save", model.toString());
        assertThat(trained.exit()).as(trained.out() + trained.err()).isZero();
        assertThat(model).isRegularFile();

        Run predicted = run("predict", "--model", model.toString(), "--dataset-dir", data.toString());

        assertThat(predicted.exit()).as(predicted.err()).isZero();
        assertThat(predicted.out()).contains("held-out images: 60 of fashion-mnist, none of them drawn by the 1 "
                + "subset of its study");
        Matcher accuracy = Pattern.compile("accuracy: (\\d\\.\\d{4}) \\((\\d+) of 60\\)").matcher(predicted.out());
        assertThat(accuracy.find()).as(predicted.out()).isTrue();
        assertThat(predicted.out()).containsPattern("(?m)^class\\s+images\\s+correct\\s+accuracy$")
                .containsPattern("(?m)^T-shirt/top\\s+6\\s+\\d\\s+\\d\\.\\d{4}$")
                .containsPattern("(?m)^Ankle boot\\s+6\\s+\\d\\s+\\d\\.\\d{4}$");
    }

    @Test
    void aFileThatIsNotASavedNetworkOrAnotherDatasetIsRefusedClearly() throws Exception {
        Path notes = Files.writeString(temp.resolve("notes.zip"), "not a network");

        Run refused = run("predict", "--model", notes.toString());
        Run missing = run("predict", "--model", temp.resolve("missing.zip").toString());

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("is not a readable zip").doesNotContain("Exception");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no model file at");
    }
}
