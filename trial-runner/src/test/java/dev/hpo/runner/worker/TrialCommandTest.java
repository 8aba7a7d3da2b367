package dev.hpo.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.runner.data.DataRoots;
import dev.hpo.runner.engine.Device;
import dev.hpo.runner.engine.EngineSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrialCommandTest {

    @Test
    void theBuiltInTrainerNamesItsEngineAndTheUsersOwnCommandNamesNone() {
        TrialCommand builtIn = TrialCommand.builtIn("pytorch", new EngineSettings(Device.cpu(), Optional.empty()),
                Map.of(), DataRoots.defaults(), Path.of("/tmp"), Optional.empty());
        TrialCommand own = TrialCommand.external("python3 train.py", Device.cpu(), Optional.empty());

        assertThat(builtIn.engine()).contains("pytorch");
        assertThat(builtIn.command()).containsSequence("--engine", "pytorch");
        assertThat(own.engine()).isEmpty();
    }

    @Test
    void theTrialProcessIsToldTheWorkersDataRoots() {
        TrialCommand builtIn = TrialCommand.builtIn("dl4j", new EngineSettings(Device.cpu(), Optional.empty()),
                Map.of(), new DataRoots(List.of(Path.of("/srv/data"), Path.of("/mnt/sets"))), Path.of("/tmp"),
                Optional.empty());

        assertThat(builtIn.command()).containsSequence("--data-root", "/srv/data", "--data-root", "/mnt/sets");
    }
}
