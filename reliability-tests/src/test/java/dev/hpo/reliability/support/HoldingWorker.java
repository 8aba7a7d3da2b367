package dev.hpo.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A worker process that claims one trial, reports a first measurement and then only heartbeats, until it is
 * killed. Its own JVM, so a test can end it with SIGKILL exactly as a crashed or evicted worker ends.
 */
public final class HoldingWorker {

    /** The line it prints once it holds a trial: {@code HOLDING <trial id>}. */
    public static final String HOLDING = "HOLDING ";

    private HoldingWorker() {
    }

    /** Starts a holding worker process for STUDY. */
    public static Process start(URI api, String token, long studyId, String workerId) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                HoldingWorker.class.getName(), api.toString(), token, Long.toString(studyId), workerId);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** args: API address, token, study id, worker id. */
    public static void main(String[] args) throws IOException {
        ApiClient api = new ApiClient(URI.create(args[0]), args[1]);
        long studyId = Long.parseLong(args[2]);
        String workerId = args[3];
        JsonNode trial;
        do {
            trial = api.post("api/studies/" + studyId + "/suggestions", Map.of("workerId", workerId, "count", 1))
                    .expect(200).json().path("trials").path(0);
            if (trial.isMissingNode()) {
                Launch.pause(Duration.ofMillis(100));
            }
        } while (trial.isMissingNode());
        long trialId = trial.path("id").asLong();
        api.post("api/trials/" + trialId + "/measurements", Map.of("step", 1, "elapsedSeconds", 1.0,
                "metrics", Map.of("loss", 0.9), "workerId", workerId)).expect(200);
        System.out.println(HOLDING + trialId);
        System.out.flush();
        while (true) {
            api.post("api/trials/" + trialId + "/heartbeat", Map.of("workerId", workerId));
            Launch.pause(Duration.ofMillis(300));
        }
    }
}
