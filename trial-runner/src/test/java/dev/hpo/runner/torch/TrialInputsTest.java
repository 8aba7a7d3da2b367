package dev.hpo.runner.torch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrialInputsTest {

    @Test
    void theInputOfATrialProcessThatIsGoneIsRemovedAndALiveOnesIsKept() throws Exception {
        Path mine = TrialInputs.create();
        Path root = mine.getParent();
        // No process has this id: Linux caps process ids far below it.
        Path abandoned = Files.createDirectories(root.resolve("4999999999-trial"));
        Files.writeString(abandoned.resolve("trial.json"), "{}");

        Path next = TrialInputs.create();

        assertThat(abandoned).doesNotExist();
        assertThat(mine).isDirectory();
        assertThat(next.getFileName().toString()).startsWith(ProcessHandle.current().pid() + "-");
        EngineSources.deleteTree(mine);
        EngineSources.deleteTree(next);
    }
}
