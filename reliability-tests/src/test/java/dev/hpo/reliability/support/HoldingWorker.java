package dev.hpo.reliability.support;

import dev.hpo.protocol.Heartbeat;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.Retry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    public static void main(String[] args) {
        ApiClient api = ApiClient.http(URI.create(args[0]), Optional.of(args[1]), Retry.never());
        long studyId = Long.parseLong(args[2]);
        String workerId = args[3];
        Optional<Suggestion> trial;
        do {
            trial = api.suggest(studyId, Suggest.of(workerId, 1)).trials().stream().findFirst();
            if (trial.isEmpty()) {
                Launch.pause(Duration.ofMillis(100));
            }
        } while (trial.isEmpty());
        long trialId = trial.get().id();
        api.measure(trialId, MeasurementReport.of(1, 1.0, Map.of("loss", 0.9)).by(workerId));
        System.out.println(HOLDING + trialId);
        System.out.flush();
        while (true) {
            api.heartbeat(trialId, new Heartbeat(workerId));
            Launch.pause(Duration.ofMillis(300));
        }
    }
}
