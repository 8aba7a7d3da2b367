package dev.hpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.protocol.Completion;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.client.Checksums;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study commands against a real API. */
class StudyCommandsIT {

    private static final java.util.concurrent.atomic.AtomicInteger STUDIES = new java.util.concurrent.atomic.AtomicInteger();

    /** A valid spec under a name no other test uses: study names are unique. */
    private static String spec() {
        return SPEC.replace("cli-study", "cli-study-" + STUDIES.incrementAndGet());
    }

    private static final String SPEC = """
            {"name": "cli-study",
             "objectives": [{"metric": "score", "goal": "MAXIMIZE"}],
             "algorithm": {"name": "RANDOM"},
             "budget": {"maxTrials": 3, "parallelism": 1},
             "trialSettings": {"timeCap": "30s"},
             "parameters": [{"name": "x", "type": "float", "min": 0, "max": 1}]}""";

    private static LocalApi local;
    private static String api;

    @TempDir
    Path dir;

    @BeforeAll
    static void startApi() throws Exception {
        local = LocalApi.get();
        api = local.api.base().toString();
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private Cli hpo(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--api", api, "--token", LocalApi.TOKEN}, 0, all, args.length, 4);
        return Cli.run(all);
    }

    @Test
    void createPrintsTheNewStudysIdAndListShowsIt() throws Exception {
        Cli created = hpo("study", "create", "-f", file("spec.json", spec()).toString());

        assertThat(created.exit()).as(created.err()).isZero();
        String id = created.out().trim();
        assertThat(id).matches("\\d+");
        Cli list = hpo("study", "list");
        assertThat(list.out()).containsPattern("(?m)^" + id + "\\s+cli-study-\\d+\\s+RUNNING\\s+0/3");
    }

    @Test
    void anInvalidSpecPrintsEveryFieldErrorAndFails() throws Exception {
        String bad = """
                {"name": "bad", "objectives": [{"metric": "score", "goal": "UPWARDS"}],
                 "budget": {"maxTrials": 0}, "trialSettings": {"timeCap": "30s"},
                 "parameters": [{"name": "x", "type": "float", "min": 2, "max": 1}]}""";

        Cli created = hpo("study", "create", "-f", file("bad.json", bad).toString());

        assertThat(created.exit()).isEqualTo(1);
        assertThat(created.out()).isEmpty();
        assertThat(created.err()).contains("objectives[0].goal").contains("budget.maxTrials")
                .contains("parameters[0]").doesNotContain("Exception");
    }

    @Test
    void aFileThatIsNotJsonIsNamedWithItsLine() throws Exception {
        Cli created = hpo("study", "create", "-f", file("broken.json", "{\n  \"name\": \n").toString());

        assertThat(created.exit()).isEqualTo(2);
        assertThat(created.err()).contains("broken.json").contains("line");
    }

    @Test
    void aWrongTokenIsSaidClearly() throws Exception {
        Cli created = Cli.run("study", "create", "-f", file("spec.json", spec()).toString(), "--api", api, "--token",
                "wrong");

        assertThat(created.exit()).isEqualTo(1);
        assertThat(created.err()).contains("refused the token").contains("--token");
    }

    @Test
    void aMissingStudyIsSaidClearly() {
        Cli status = hpo("study", "status", "987654");

        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.err()).contains("987654").contains("does not exist");
    }

    @Test
    void enqueuedConfigurationsAppearInTrialsAsTableJsonAndCsv() throws Exception {
        String id = hpo("study", "create", "-f", file("spec.json", spec()).toString()).out().trim();

        Cli enqueued = hpo("study", "enqueue", id, "-f", file("config.json", "{\"x\": 0.75}").toString());

        assertThat(enqueued.exit()).as(enqueued.err()).isZero();
        assertThat(hpo("study", "trials", id, "--state", "waiting").out()).contains("WAITING").contains("x=0.75");
        assertThat(hpo("study", "trials", id, "--json").out()).contains("\"x\" : 0.75");
        assertThat(hpo("study", "trials", id, "--csv").out()).startsWith("id,").contains("param.x").contains("0.75");
        assertThat(hpo("study", "trials", id, "--state", "RUNNING").out()).contains("no trials");
    }

    @Test
    void statusShowsProgressAndStopEndsTheStudy() throws Exception {
        String id = hpo("study", "create", "-f", file("spec.json", spec()).toString()).out().trim();

        Cli status = hpo("study", "status", id);
        assertThat(status.out()).containsPattern("cli-study-\\d+ \\(study " + id + "\\) RUNNING").contains("0/3 finished")
                .contains("best: none yet");

        Cli stopped = hpo("study", "stop", id);
        assertThat(stopped.exit()).isZero();
        assertThat(stopped.out()).contains("STOPPED");
        Cli watch = hpo("study", "status", id, "--watch");
        assertThat(watch.exit()).isZero();
        assertThat(watch.out()).contains("STOPPED");
        Cli best = hpo("study", "best", id);
        assertThat(best.exit()).isEqualTo(1);
        assertThat(best.err()).contains("no completed trial");
    }

    @Test
    void exportWritesAFinishedStudyThatImportLoadsAsANewOne() throws Exception {
        String id = hpo("study", "create", "-f", file("spec.json", spec()).toString()).out().trim();
        long trial = local.api.suggest(Long.parseLong(id), Suggest.of("cli-worker", 1)).trials().get(0).id();
        local.api.measure(trial, MeasurementReport.of(1, 0.5, Map.of("score", 0.4)).by("cli-worker"));
        local.api.complete(trial, Completion.of(Map.of("score", 0.6), "cli-worker"));
        hpo("study", "stop", id);

        Cli exported = hpo("study", "export", id);
        assertThat(exported.exit()).as(exported.err()).isZero();
        Path archive = file("study.json", exported.out());
        Cli imported = hpo("study", "import", archive.toString());

        assertThat(imported.exit()).as(imported.err()).isZero();
        String copy = imported.out().trim();
        assertThat(copy).matches("\\d+").isNotEqualTo(id);
        assertThat(imported.err()).containsPattern("cli-study-\\d+-imported, STOPPED, \\d+ trials");
        assertThat(hpo("study", "status", copy).out()).contains("(study " + copy + ") STOPPED");
        assertThat(hpo("study", "trials", copy, "--csv").out()).contains("0.6");
    }

    @Test
    void anInvalidArchiveIsRefusedFieldByFieldAndNothingIsImported() throws Exception {
        int before = local.api.studies().size();

        Cli imported = hpo("study", "import", file("archive.json", "{\"formatVersion\": 7}").toString());

        assertThat(imported.exit()).isEqualTo(1);
        assertThat(imported.out()).isEmpty();
        assertThat(imported.err()).contains("formatVersion").contains("must be one of [1, 2]")
                .doesNotContain("Exception");
        assertThat(local.api.studies()).hasSize(before);
    }

    @Test
    void bestDownloadSavesTheBestConfigurationsNetworkAndArtifactsListsIt() throws Exception {
        String id = hpo("study", "create", "-f", file("spec.json", spec().replace("\"parameters\"",
                "\"artifacts\": {\"keep\": 1}, \"parameters\"")).toString()).out().trim();
        long study = Long.parseLong(id);
        List<Suggestion> trials = new ArrayList<>();
        for (double score : new double[] {0.3, 0.9}) {
            Suggestion trial = local.api.suggest(study, Suggest.of("cli-worker", 1)).trials().get(0);
            Path network = file("network-" + trial.id() + ".zip", "network of trial " + trial.id());
            local.api.uploadArtifact(trial.id(), "cli-worker", "network.zip", network,
                    Checksums.sha256(network));
            local.api.complete(trial.id(), Completion.of(Map.of("score", score), "cli-worker"));
            trials.add(trial);
        }
        Path saved = dir.resolve("best.zip");

        Cli best = hpo("study", "best", id, "--download", saved.toString());
        Cli listed = hpo("study", "artifacts", id, Long.toString(trials.get(1).id()));
        Cli dropped = hpo("study", "artifacts", id, Long.toString(trials.get(0).id()));

        assertThat(best.exit()).as(best.err()).isZero();
        assertThat(Files.readString(saved)).isEqualTo("network of trial " + trials.get(1).id());
        assertThat(best.out()).contains("saved network.zip of trial " + trials.get(1).id());
        assertThat(listed.out()).contains("network.zip").contains(Long.toString("network of trial ".length()
                + Long.toString(trials.get(1).id()).length()));
        assertThat(dropped.out()).contains("has no files kept");
    }

    @Test
    void bestDownloadSaysSoWhenTheStudyKeepsNoNetworks() throws Exception {
        String id = hpo("study", "create", "-f", file("spec.json", spec()).toString()).out().trim();
        long trial = local.api.suggest(Long.parseLong(id), Suggest.of("cli-worker", 1)).trials().get(0).id();
        local.api.complete(trial, Completion.of(Map.of("score", 0.6), "cli-worker"));
        Path saved = dir.resolve("best.zip");

        Cli best = hpo("study", "best", id, "--download", saved.toString());

        assertThat(best.exit()).isEqualTo(1);
        assertThat(best.err()).contains("kept no file of its best configuration").contains("\"artifacts\"")
                .doesNotContain("Exception");
        assertThat(saved).doesNotExist();
    }

    @Test
    void confirmStartsRunsOfTheBestAndReportShowsTheirMeanAndInterval() throws Exception {
        String id = hpo("study", "create", "-f", file("spec.json", spec()).toString()).out().trim();
        long study = Long.parseLong(id);
        long trial = local.api.suggest(study, Suggest.of("cli-worker", 1)).trials().get(0).id();
        local.api.complete(trial, Completion.of(Map.of("score", 0.6), "cli-worker"));
        hpo("study", "stop", id);
        Cli none = hpo("study", "report", id);

        Cli confirmed = hpo("study", "confirm", id, "--top", "1", "--repeats", "3");
        double[] scores = {0.5, 0.6, 0.7};
        for (int run = 0; run < 3; run++) {
            long runId = local.api.suggest(study, Suggest.of("cli-worker", 1)).trials().get(0).id();
            local.api.complete(runId, Completion.of(Map.of("score", scores[run]), "cli-worker"));
        }
        Cli report = hpo("study", "report", id);

        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no confirmation runs").contains("study confirm " + id);
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("3 confirmation runs of 1 configurations wait for workers");
        assertThat(report.exit()).as(report.err()).isZero();
        // Mean 0.6, sd 0.1, t(0.975, 2) * 0.1 / sqrt(3) = 0.2484.
        assertThat(report.out()).contains("mean score").contains("3/3").contains("0.6000").contains("0.1000")
                .contains("[0.3516, 0.8484]");
        assertThat(hpo("study", "trials", id).out()).contains("confirm 2");
    }

    @Test
    void confirmNamesAnUnknownTrialAndAStudyStillSearching() throws Exception {
        String id = hpo("study", "create", "-f", file("spec.json", spec()).toString()).out().trim();

        Cli searching = hpo("study", "confirm", id, "--top", "1");
        hpo("study", "stop", id);
        Cli unknown = hpo("study", "confirm", id, "--top", "0", "--trial", "999999");

        assertThat(searching.exit()).isEqualTo(1);
        assertThat(searching.err()).contains("still searching");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("trials[0]").contains("999999");
    }
}
