package dev.hpo.runner.torch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.runner.engine.EngineSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the engine's own tests, written in Python (src/test/python): its time budget case for case against the
 * Java one, its training loop on a simulated clock, its augmentation. They run in the interpreter the engine
 * trains in, with the package from the source tree.
 */
class PythonTestsTest {

    @Test
    void theEnginesPythonTestsPass() throws Exception {
        String python = Torch.engine().forTrialProcesses(EngineSettings.defaults()).python().orElseThrow();
        Path tests = Path.of("src/test/python").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(python, "-m", "unittest", "discover", "-v", "-s", tests.toString())
                .redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", Path.of("src/main/python").toAbsolutePath().toString());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as("the tests were found")
                .contains("test_the_whole_recipe_trains_and_its_final_evaluation_is_flip_averaged");
    }
}
