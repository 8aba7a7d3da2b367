package dev.hpo.bench.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LcBenchSettingsTest {

    @Test
    void defaultsToTheTenTasksThreeSeedsTwentyFullRunsAndEveryArm() {
        LcBenchSettings settings = LcBenchSettings.parse(List.of());

        assertThat(settings.tasks()).hasSize(10).contains(3945, 189908);
        assertThat(settings.seeds()).isEqualTo(3);
        assertThat(settings.budget()).isEqualTo(20);
        assertThat(settings.arms()).extracting(LcBenchSuite.Arm::name).containsExactly("EVOLUTION+ASHA",
                "EVOLUTION+MEDIAN", "EVOLUTION", "RANDOM", "TPE", "TPE+SH");
        assertThat(settings.cases()).isFalse();
    }

    @Test
    void listsEveryCaseOnlyWhenAsked() {
        LcBenchSettings settings = LcBenchSettings.parse(List.of("--cases", "--seeds", "2"));

        assertThat(settings.cases()).isTrue();
        assertThat(settings.seeds()).isEqualTo(2);
    }

    @Test
    void shortensTheSuiteByTasksSeedsBudgetAndArms() {
        LcBenchSettings settings = LcBenchSettings.parse(List.of("--tasks", "7593,3945", "--seeds", "1",
                "--budget", "6", "--arms", "tpe+sh,EVOLUTION+ASHA"));

        assertThat(settings.tasks()).containsExactly(7593, 3945);
        assertThat(settings.seeds()).isEqualTo(1);
        assertThat(settings.budget()).isEqualTo(6);
        assertThat(settings.arms()).extracting(LcBenchSuite.Arm::name).containsExactly("TPE+SH", "EVOLUTION+ASHA");
        assertThat(settings.arms().get(1).throughApi()).isTrue();
        assertThat(settings.arms().get(0).throughApi()).isFalse();
    }

    @Test
    void namesTheOptionAtFault() {
        assertThatThrownBy(() -> LcBenchSettings.parse(List.of("--tasks", "3945,167083")))
                .hasMessageContaining("--tasks: '167083' is not one of the suite's tasks");
        assertThatThrownBy(() -> LcBenchSettings.parse(List.of("--seeds", "0")))
                .hasMessageContaining("--seeds must be a positive integer, got '0'");
        assertThatThrownBy(() -> LcBenchSettings.parse(List.of("--arms", "GRID")))
                .hasMessageContaining("--arms: 'GRID' is not an arm");
        assertThatThrownBy(() -> LcBenchSettings.parse(List.of("--budget")))
                .hasMessageContaining("--budget needs a value");
        assertThatThrownBy(() -> LcBenchSettings.parse(List.of("--evaluations", "5")))
                .hasMessageContaining("unknown option --evaluations");
    }

    @Test
    void reportsAtFiveTenAndTwentyFullRunsWithinTheBudgetAndAtTheBudget() {
        assertThat(LcBenchSuite.checkpoints(20)).containsExactly(5, 10, 20);
        assertThat(LcBenchSuite.checkpoints(12)).containsExactly(5, 10, 12);
        assertThat(LcBenchSuite.checkpoints(3)).containsExactly(3);
        assertThat(LcBenchSuite.checkpoints(30)).containsExactly(5, 10, 20, 30);
    }
}
