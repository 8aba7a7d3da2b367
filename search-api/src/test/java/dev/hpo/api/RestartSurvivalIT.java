package dev.hpo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hpo server} as its own process on an embedded file database: everything acknowledged before a
 * {@code kill -9} is there after a restart, and the study continues.
 */
class RestartSurvivalIT {

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWritesSurviveKillDashNine() throws Exception {
        int port = freePort();
        Process first = start(port);
        long study;
        long completed;
        long running;
        try {
            HttpApi api = awaitReady(first, port);
            study = api.createStudy(Specs.minimizeLoss("survivor", 10, 4));
            JsonNode trials = api.suggest(study, "w1", 2).get("trials");
            completed = trials.get(0).get("id").asLong();
            running = trials.get(1).get("id").asLong();
            api.post("/api/trials/" + running + "/measurements",
                    "{\"step\": 1, \"elapsedSeconds\": 1.5, \"metrics\": {\"loss\": 0.9}}");
            assertThat(api.complete(completed, "{\"loss\": 0.25}").status()).isEqualTo(200);
        } finally {
            first.destroyForcibly().waitFor();
        }

        Process second = start(port);
        try {
            HttpApi api = awaitReady(second, port);
            JsonNode status = api.get("/api/studies/" + study).json();
            assertThat(status.get("name").asText()).isEqualTo("survivor");
            assertThat(status.at("/trialCounts/COMPLETE").asLong()).isEqualTo(1);
            assertThat(status.at("/best/metrics/loss").asDouble()).isEqualTo(0.25);
            JsonNode held = api.get("/api/trials/" + running).json();
            assertThat(held.get("state").asText()).isEqualTo("RUNNING");
            assertThat(held.get("measurements")).hasSize(1);
            assertThat(api.suggest(study, "w1", 1).at("/trials/0/id").asLong()).isEqualTo(running);
            assertThat(api.suggest(study, "w2", 1).at("/trials/0/number").asLong()).isEqualTo(2);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private Process start(int port) throws IOException {
        Path log = Files.createTempFile(dataDir.getParent(), "hpo-server", ".log");
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), SearchApiApplication.class.getName(),
                "--port", String.valueOf(port), "--data-dir", dataDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static HttpApi awaitReady(Process process, int port) throws Exception {
        HttpApi api = new HttpApi(port);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue());
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return api;
                }
            } catch (RuntimeException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not become ready within 3 minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
