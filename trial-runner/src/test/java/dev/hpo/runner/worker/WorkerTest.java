package dev.hpo.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.Retry;
import dev.hpo.runner.engine.Device;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker loop against the protocol over real HTTP, with real trial processes run by the shell. */
class WorkerTest {

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicBoolean giveUp = new AtomicBoolean();
    private RecordingApi api;
    private Outbox outbox;

    @BeforeEach
    void startApi() throws Exception {
        api = new RecordingApi();
        outbox = new Outbox(ApiClient.http(api.address(), Optional.of("secret"), new Retry(Duration.ofMillis(20),
                Duration.ofMillis(100), () -> !giveUp.get())), "w1", log::add);
    }

    @AfterEach
    void stopApi() {
        giveUp.set(true);
        outbox.close();
        api.close();
    }

    private Worker worker(String shellCommand) {
        ApiClient asking = ApiClient.http(api.address(), Optional.of("secret"), Retry.never());
        return new Worker(asking, outbox, TrialCommand.external(shellCommand, Device.cpu(), Optional.of(1)),
                settings(), log::add);
    }

    private static WorkerSettings settings() {
        return settings(WorkerSettings.DEFAULT_MAX_ARTIFACT_BYTES);
    }

    private static WorkerSettings settings(long maxArtifactBytes) {
        return new WorkerSettings("w1", Optional.of(RecordingApi.STUDY), Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofSeconds(5),
                maxArtifactBytes);
    }

    @Test
    void slotsRunTrialsAtOnceEachUnderItsOwnWorkerId(@TempDir Path started) throws Exception {
        api.offer(1, 120);
        api.offer(2, 120);
        // Each trial says it started, then waits (up to a minute) until both have: run one after the other, the
        // first would report that it trained alone.
        String script = "cat > /dev/null; touch \"$(mktemp -p " + started + ")\"; i=0; "
                + "while [ \"$(ls " + started + " | wc -l)\" -lt 2 ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1));"
                + " done; "
                + "echo \"{\\\"metrics\\\":{\\\"together\\\":$(ls " + started + " | wc -l)}}\"";
        ApiClient asking = ApiClient.http(api.address(), Optional.of("secret"), Retry.never());
        ApiClient reporting = asking.withRetry(new Retry(Duration.ofMillis(20), Duration.ofMillis(100),
                () -> !giveUp.get()));

        int trials;
        try (WorkerSlots slots = new WorkerSlots(2, asking, id -> new Outbox(reporting, id, log::add),
                TrialCommand.external(script, Device.cpu(), Optional.of(1)), settings(), log::add)) {
            trials = slots.run();
        }

        assertThat(trials).isEqualTo(2);
        List<RecordingApi.Request> completions = api.requestsTo("/complete");
        assertThat(completions).extracting(r -> r.body().at("/metrics/together").asInt()).containsExactly(2, 2);
        assertThat(completions).extracting(r -> r.body().get("workerId").asText())
                .containsExactlyInAnyOrder("w1-s1", "w1-s2");
    }

    @Test
    void aSingleSlotKeepsTheWorkersOwnIdAndMoreSlotsAreNumbered() {
        assertThat(WorkerSlots.ids("gpu0", 1)).containsExactly("gpu0");
        assertThat(WorkerSlots.ids("gpu0", 3)).containsExactly("gpu0-s1", "gpu0-s2", "gpu0-s3");
    }

    /** A trial that writes a file into the folder its worker gave and names it in its final line. */
    private static final String WRITES_AN_ARTIFACT = "python3 -c 'import json, os, sys; t = json.load(sys.stdin); "
            + "p = os.path.join(t[\"artifactDirectory\"], \"net.bin\"); open(p, \"wb\").write(b\"weights\"); "
            + "print(json.dumps({\"metrics\": {\"accuracy\": 0.9}, \"artifacts\": [p]}))'";

    @Test
    void uploadsTheFilesATrialNamesWithTheirChecksumBeforeCompletingItAndThenDeletesThem() throws Exception {
        api.offer(1, 30).put("keepArtifacts", true);

        new Worker(ApiClient.http(api.address(), Optional.of("secret"), Retry.never()), outbox,
                TrialCommand.external(WRITES_AN_ARTIFACT, Device.cpu(), Optional.of(1)), settings(), log::add).run();

        List<RecordingApi.Request> sent = api.requests().stream().filter(r -> r.path().startsWith("/api/trials/1/"))
                .toList();
        assertThat(sent).extracting(RecordingApi.Request::path)
                .containsExactly("/api/trials/1/artifacts/net.bin", "/api/trials/1/complete");
        assertThat(sent.get(0).raw()).isEqualTo("weights".getBytes(StandardCharsets.UTF_8));
        assertThat(sent.get(0).checksum()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("weights".getBytes(StandardCharsets.UTF_8))));
        try (var leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hpo-trial-1-"));
        }
    }

    @Test
    void anUploadWhileTheApiIsUnavailableIsRetriedAndArrivesWholeBeforeTheCompletion() throws Exception {
        api.offer(1, 30).put("keepArtifacts", true);
        Worker worker = new Worker(ApiClient.http(api.address(), Optional.of("secret"), Retry.never()), outbox,
                TrialCommand.external("sleep 0.3; " + WRITES_AN_ARTIFACT, Device.cpu(), Optional.of(1)), settings(),
                log::add);
        Thread loop = runUntilItAsks(worker);
        api.unavailableFor(4);
        loop.join(20_000);

        List<RecordingApi.Request> sent = api.requests().stream().filter(r -> r.path().startsWith("/api/trials/1/")
                && !r.path().endsWith("/heartbeat")).toList();
        assertThat(sent).extracting(RecordingApi.Request::path)
                .containsExactly("/api/trials/1/artifacts/net.bin", "/api/trials/1/complete");
        assertThat(sent.get(0).raw()).isEqualTo("weights".getBytes(StandardCharsets.UTF_8));
        assertThat(api.stillUnavailable()).as("the refused attempts were made").isZero();
    }

    @Test
    void aFileOverTheLimitOrOfAStudyThatKeepsNoneIsNotUploaded() throws Exception {
        api.offer(1, 30).put("keepArtifacts", true);
        api.offer(2, 30);
        // Trial 1 writes 100 bytes into its folder; trial 2, of a study that keeps none, gets no folder and names
        // a file of the system.
        String big = "python3 -c 'import json, os, sys; t = json.load(sys.stdin); d = t.get(\"artifactDirectory\"); "
                + "p = os.path.join(d, \"net.bin\") if d else \"/etc/hostname\"; "
                + "d and open(p, \"wb\").write(b\"0\" * 100); "
                + "print(json.dumps({\"metrics\": {\"accuracy\": 0.9}, \"artifacts\": [p]}))'";

        new Worker(ApiClient.http(api.address(), Optional.of("secret"), Retry.never()), outbox,
                TrialCommand.external(big, Device.cpu(), Optional.of(1)), settings(10), log::add).run();

        assertThat(api.requests()).noneMatch(r -> r.path().contains("/artifacts/"));
        assertThat(api.requestsTo("/trials/1/complete")).hasSize(1);
        assertThat(api.requestsTo("/trials/2/complete")).hasSize(1);
        assertThat(log).anyMatch(line -> line.contains("more than --max-artifact-size"));
        assertThat(log).anyMatch(line -> line.contains("its study keeps no artifacts: not uploaded"));
    }

    @Test
    void reportsEveryMeasurementThenCompletesWithTheFinalMetrics() throws Exception {
        api.offer(1, 30);
        String script = "cat > /dev/null; echo starting; "
                + "echo '{\"step\":1,\"elapsedSeconds\":0.5,\"metrics\":{\"accuracy\":0.5}}'; "
                + "echo '{\"step\":2,\"elapsedSeconds\":1.0,\"metrics\":{\"accuracy\":0.7}}'; "
                + "echo '{\"metrics\":{\"accuracy\":0.75,\"macs\":1200}}'";

        int trials = worker(script).run();

        assertThat(trials).isEqualTo(1);
        List<RecordingApi.Request> measurements = api.requestsTo("/trials/1/measurements");
        assertThat(measurements).extracting(r -> r.body().get("step").asInt()).containsExactly(1, 2);
        assertThat(measurements.get(1).body().at("/metrics/accuracy").asDouble()).isEqualTo(0.7);
        List<RecordingApi.Request> completions = api.requestsTo("/trials/1/complete");
        assertThat(completions).hasSize(1);
        assertThat(completions.get(0).body().at("/metrics/macs").asDouble()).isEqualTo(1200);
        assertThat(api.requestsTo("/suggestions").get(0).body().get("workerId").asText()).isEqualTo("w1");
        assertThat(api.requestsTo("/suggestions").get(0).body().has("engine"))
                .as("a worker running the user's own command names no engine").isFalse();
    }

    @Test
    void aCrashingTrialFailsWithItsLastErrorLinesAndTheWorkerGoesOn() throws Exception {
        api.offer(1, 30);
        api.offer(2, 30);
        String script = "read line; case \"$line\" in *\\\"id\\\":1,*) echo 'Exception: out of cheese' >&2; exit 3;; esac; "
                + "echo '{\"metrics\":{\"accuracy\":0.9}}'";

        int trials = worker(script).run();

        assertThat(trials).isEqualTo(2);
        RecordingApi.Request failure = api.requestsTo("/trials/1/complete").get(0);
        assertThat(failure.body().get("failed").asBoolean()).isTrue();
        assertThat(failure.body().get("reason").asText()).contains("exited with code 3").contains("out of cheese");
        assertThat(api.requestsTo("/trials/2/complete").get(0).body().at("/metrics/accuracy").asDouble())
                .isEqualTo(0.9);
    }

    @Test
    void aTrialKilledByASignalFailsNamingTheSignal() throws Exception {
        api.offer(1, 30);

        worker("cat > /dev/null; echo 'fatal error in native code' >&2; kill -SEGV $$").run();

        RecordingApi.Request failure = api.requestsTo("/trials/1/complete").get(0);
        assertThat(failure.body().get("reason").asText()).contains("signal 11").contains("fatal error in native code");
    }

    @Test
    void aTrialThatReportsItsOwnFailureFailsWithItsReason() throws Exception {
        api.offer(1, 30);

        worker("echo '{\"failed\": true, \"reason\": \"loss diverged\"}'").run();

        RecordingApi.Request failure = api.requestsTo("/trials/1/complete").get(0);
        assertThat(failure.body().get("failed").asBoolean()).isTrue();
        assertThat(failure.body().get("reason").asText()).isEqualTo("loss diverged");
    }

    @Test
    void aTrialPastItsCapIsKilledAndFailsWithReasonTimeCapKeepingItsMeasurements() throws Exception {
        api.offer(1, 1);
        String script = "echo '{\"step\":1,\"elapsedSeconds\":0.1,\"metrics\":{\"accuracy\":0.4}}'; sleep 60";

        long start = System.nanoTime();
        worker(script).run();
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(seconds).isLessThan(10);
        assertThat(api.requestsTo("/trials/1/measurements")).hasSize(1);
        RecordingApi.Request failure = api.requestsTo("/trials/1/complete").get(0);
        assertThat(failure.body().get("reason").asText()).isEqualTo("time cap");
    }

    @Test
    void shouldStopEndsTheTrialPromptlyAndCompletesItWithTheLastMeasurement() throws Exception {
        api.offer(1, 60);
        api.answerShouldStop(true);
        String script = "echo '{\"step\":1,\"elapsedSeconds\":0.1,\"metrics\":{\"accuracy\":0.3}}'; sleep 60";

        long start = System.nanoTime();
        worker(script).run();

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
        RecordingApi.Request end = api.requestsTo("/trials/1/complete").get(0);
        assertThat(end.body().has("failed")).isFalse();
        assertThat(end.body().at("/metrics/accuracy").asDouble()).isEqualTo(0.3);
    }

    @Test
    void runsTheExamplePythonTrialScript() throws Exception {
        java.nio.file.Path script = java.nio.file.Path.of("../examples/custom-trial.py").toAbsolutePath();
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(
                java.nio.file.Path.of("/usr/bin/python3")), "python3 is not installed");
        api.offer(1, 30).withObjectProperty("parameters").put("learningRate", 0.1).put("steps", 3);

        worker("/usr/bin/python3 " + script).run();

        assertThat(api.requestsTo("/trials/1/measurements")).hasSize(3);
        RecordingApi.Request end = api.requestsTo("/trials/1/complete").get(0);
        assertThat(end.body().at("/metrics/accuracy").asDouble()).isBetween(0.5, 1.0);
    }

    @Test
    void heartbeatsWhileTheTrialRuns() throws Exception {
        api.offer(1, 30);
        worker("sleep 2.5; echo '{\"metrics\":{\"accuracy\":0.1}}'").run();

        // A 3 s heartbeat timeout means a heartbeat every second.
        assertThat(api.requestsTo("/trials/1/heartbeat")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void reportsSentWhileTheApiIsUnavailableArriveInOrderOnceItIsBack() throws Exception {
        api.offer(1, 30);
        String script = "sleep 0.3; echo '{\"step\":1,\"elapsedSeconds\":0.1,\"metrics\":{\"loss\":2}}'; "
                + "echo '{\"step\":2,\"elapsedSeconds\":0.2,\"metrics\":{\"loss\":1}}'; "
                + "echo '{\"metrics\":{\"accuracy\":0.6}}'";
        Worker worker = worker(script);
        Thread loop = runUntilItAsks(worker);
        api.unavailableFor(6);
        loop.join(20_000);

        List<String> order = api.requests().stream().map(RecordingApi.Request::path)
                .filter(p -> p.contains("/trials/1/") && !p.endsWith("/heartbeat")).toList();
        assertThat(order).containsExactly("/api/trials/1/measurements", "/api/trials/1/measurements",
                "/api/trials/1/complete");
    }

    @Test
    void aStoppedWorkerKillsItsTrialAndHandsItBack() throws Exception {
        api.offer(1, 60);
        Worker worker = worker("sleep 60");
        runUntilItAsks(worker);
        Thread.sleep(300);
        worker.stop();

        assertThat(worker.awaitFinished(Duration.ofSeconds(10))).isTrue();
        assertThat(api.requestsTo("/trials/1/release")).hasSize(1);
        assertThat(api.requestsTo("/trials/1/complete")).isEmpty();
    }

    /** Runs the worker's loop in the background and returns once it has asked for a suggestion. */
    private Thread runUntilItAsks(Worker worker) throws InterruptedException {
        Thread loop = new Thread(() -> {
            try {
                worker.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        loop.start();
        while (api.requestsTo("/suggestions").isEmpty()) {
            Thread.sleep(10);
        }
        return loop;
    }
}
