package dev.hpo.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.runner.engine.Device;
import dev.hpo.runner.engine.EngineSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrialCommandTest {

    @Test
    void theBuiltInTrainerNamesItsEngineAndTheUsersOwnCommandNamesNone() {
        TrialCommand builtIn = TrialCommand.builtIn("pytorch", new EngineSettings(Device.cpu(), Optional.empty()),
                Map.of(), Path.of("/tmp"), Optional.empty());
        TrialCommand own = TrialCommand.external("python3 train.py", Device.cpu(), Optional.empty());

        assertThat(builtIn.engine()).contains("pytorch");
        assertThat(builtIn.command()).containsSequence("--engine", "pytorch");
        assertThat(own.engine()).isEmpty();
    }
}
