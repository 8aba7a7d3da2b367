package dev.hpo.cli.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.protocol.Page;
import dev.hpo.protocol.ProtocolJson;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.TrialView;
import dev.hpo.study.Fidelity;
import dev.hpo.trial.TrialState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyProgressTest {

    /** A study as the API answers {@code GET /api/studies/{id}}. */
    private static StudyView study(String state, String counts, String best) throws Exception {
        return ProtocolJson.read("""
                {"id": 7, "name": "fm", "state": "%s", "createdAt": "2026-01-01T10:00:00Z", "trialCapacity": 8,
                 "trialCounts": %s, %s
                 "spec": {"objectives": [{"metric": "macs", "goal": "MINIMIZE"}], "budget": {"maxDuration": "1h"}}}
                """.formatted(state, counts, best).getBytes(StandardCharsets.UTF_8), StudyView.class);
    }

    @Test
    void showsFinishedTrialsAgainstTheBudgetByStateWithBestAndTimes() throws Exception {
        StudyView study = study("RUNNING", """
                {"WAITING": 1, "RUNNING": 2, "COMPLETE": 3, "FAILED": 1, "PRUNED": 0, "STOPPED": 0}""", """
                "best": {"trialIds": [5], "metrics": {"accuracy": 0.8412, "macs": 12300000}, "feasible": true},""");

        List<String> lines = StudyProgress.render(study, Instant.parse("2026-01-01T10:04:00Z"));

        assertThat(lines.get(0)).isEqualTo("fm (study 7) RUNNING");
        assertThat(lines.get(1)).startsWith("[" + "#".repeat(15) + "-".repeat(15) + "] 4/8 finished")
                .contains("COMPLETE 3 · FAILED 1 · PRUNED 0 · STOPPED 0 · running 2 · waiting 1");
        // 4 of 8 finished in 4 minutes: about 4 more.
        assertThat(lines.get(2)).isEqualTo("best: macs=12.30M accuracy=0.8412 (trial 5) · elapsed 4m00s"
                + " · remaining ~4m00s");
    }

    @Test
    void theStudysDurationLimitCapsTheEstimate() throws Exception {
        StudyView study = study("RUNNING", "{\"COMPLETE\": 1}", "");

        List<String> lines = StudyProgress.render(study, Instant.parse("2026-01-01T10:50:00Z"));

        assertThat(lines.get(2)).isEqualTo("best: none yet · elapsed 50m00s · remaining ~10m00s");
    }

    @Test
    void aFinishedStudyShowsItsElapsedTimeOnly() throws Exception {
        StudyView study = study("COMPLETED", "{\"COMPLETE\": 8}", "\"finishedAt\": \"2026-01-01T10:30:00Z\",");

        List<String> lines = StudyProgress.render(study, Instant.parse("2026-01-01T12:00:00Z"));

        assertThat(lines.get(1)).startsWith("[" + "#".repeat(30) + "] 8/8 finished");
        assertThat(lines.get(2)).endsWith("elapsed 30m00s");
    }

    /** Issue 20 fault 3: progress is shown in the study's fidelity unit, steps or seconds. */
    @Test
    void showsHowFarRunningTrialsGotInTheStudysFidelityUnit() throws Exception {
        StudyView inSteps = ProtocolJson.read("""
                {"id": 7, "name": "lc", "state": "RUNNING", "trialCapacity": 8, "trialCounts": {"RUNNING": 5},
                 "fidelity": {"unit": "STEPS", "max": 52.0}}
                """.getBytes(StandardCharsets.UTF_8), StudyView.class);
        Page<TrialView> running = new Page<>(List.of(running(12, 26.0), running(15, null), running(16, 3.0),
                running(17, 52.0)), 0, 4, 5, 2);

        List<String> lines = StudyProgress.render(inSteps, running, Instant.parse("2026-01-01T10:04:00Z"));

        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).isEqualTo("running: #12 26/52 steps · #15 -/52 steps · #16 3/52 steps"
                + " · #17 52/52 steps · 1 more");
        assertThat(Format.progress(250.0, Fidelity.seconds(Duration.ofMinutes(10)))).isEqualTo("4m10s/10m00s");
    }

    @Test
    void theTrialsTableShowsEachTrialsProgress() {
        String table = StudyTrialsCommand.table(7, List.of(running(12, 26.0)), Fidelity.steps(52));

        assertThat(table.lines().toList()).containsExactly(
                "ID  STATE    REPEAT  WORKER  PROGRESS     PARAMETERS    RESULT",
                "12  RUNNING  0       w1      26/52 steps  width=0.5000");
    }

    private static TrialView running(long number, Double progress) {
        return new TrialView(number, 7, number, number, 0, TrialState.RUNNING, false, false, Map.of("width", 0.5), Map.of(),
                "w1", null, 1, null, null, Instant.parse("2026-01-01T10:00:00Z"), null, null, null, progress, null);
    }
}
