package dev.hpo.cli.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.cli.api.CliException;
import dev.hpo.cli.study.StudyReport;
import dev.hpo.cli.study.StudyWatch;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.study.StudyState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hpo demo}: a real study end to end on this machine. Gets Fashion-MNIST, starts the API on the embedded
 * database and local workers, submits the example study, shows its progress and prints the best trial.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the Fashion-MNIST example study end to end on this machine: fetch the data, start the",
                "API and a local worker, show live progress, print the best trial. Stops what it started."})
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--trials", description = "trials to run (default: the example's budget)")
    Integer trials;

    @Option(names = "--time-cap", description = "training time of each trial, e.g. 60s or 2m (default: the example's)")
    String timeCap;

    @Option(names = "--workers", defaultValue = "1", description = "local workers (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--port", defaultValue = "0", description = "the API's port (default: a free one)")
    int port;

    @Option(names = "--data-dir", description = "where the API keeps its database (default: ~/.hpo/demo)")
    Path dataDir;

    @Option(names = "--spec", description = "the study spec (default: examples/fashion-mnist-demo.json)")
    Path specFile;

    @Option(names = "--keep", description = "keep the API and dashboard running after the study, until Ctrl-C")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (workers < 1) {
            throw new CliException(2, "--workers must be at least 1, got " + workers);
        }
        HpoHome home = HpoHome.locate();
        Path data = dataDir != null ? dataDir.toAbsolutePath() : HpoHome.userDirectory().resolve("demo");
        Path studySpec = specFile != null ? specFile : home.root().resolve("examples/fashion-mnist-demo.json");
        Instant started = Instant.now();

        Path dataset = FashionMnistFiles.official(out).locate();
        say(out, "Fashion-MNIST: " + dataset);
        ObjectNode study = DemoSpec.adjusted(studySpec, trials, timeCap, workers);
        // Study names are unique in a database, and every demo run adds a study to the same one.
        study.put("name", study.path("name").asText("demo") + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now()));
        int apiPort = port > 0 ? port : LocalServices.freePort();
        Path logs = data.resolve("logs");
        try (LocalServices services = new LocalServices(home, logs, out)) {
            say(out, "starting the API on the embedded database in " + data + " (the first start builds it)...");
            ApiClient api = services.startServer(apiPort, data, Optional.empty(), Duration.ofMinutes(15));
            String dashboard = "http://127.0.0.1:" + apiPort + "/";
            say(out, "API and dashboard: " + dashboard + "   (logs in " + logs + ")");
            StudyView created = api.createStudy(study.toString());
            long studyId = created.id();
            say(out, "study " + studyId + " (" + created.name() + "): "
                    + study.path("budget").path("maxTrials").asText() + " trials of "
                    + study.path("trialSettings").path("timeCap").asText() + " each, on " + workers + " worker"
                    + (workers == 1 ? "" : "s") + " (the first start builds the trainer)");
            for (int i = 1; i <= workers; i++) {
                List<String> args = new ArrayList<>(List.of("--api", api.base().toString(), "--study",
                        Long.toString(studyId),
                        "--worker-id", "demo-" + i, "--dataset-dir", "fashion-mnist=" + dataset));
                args.addAll(LocalServices.threadsPerWorker(workers));
                services.startWorker("worker-" + i, args);
            }
            StudyView last = follow(api, studyId, services, out);
            out.println();
            out.print(StudyReport.summary(api, last));
            say(out, "results: stored in the database in " + data);
            if (keep) {
                say(out, "dashboard: " + dashboard + "; trials as CSV: ./hpo study trials " + studyId + " --csv --api "
                        + api.base());
            } else {
                say(out, "to browse them again: ./hpo server --data-dir " + data + " --port " + apiPort
                        + ", then the dashboard at " + dashboard + " or ./hpo study trials " + studyId
                        + " --csv --api " + api.base());
            }
            say(out, "demo took " + Duration.between(started, Instant.now()).toSeconds() + " s");
            if (keep) {
                say(out, "the API keeps running; Ctrl-C stops it");
                services.server().orElseThrow().process().waitFor();
            }
        }
        return 0;
    }

    private static StudyView follow(ApiClient api, long studyId, LocalServices services, PrintWriter out)
            throws InterruptedException {
        StudyWatch watch = new StudyWatch(out, System.console() != null);
        while (true) {
            StudyView study = api.study(studyId);
            watch.show(StudyReport.progress(study));
            if (study.state() != StudyState.RUNNING) {
                return study;
            }
            if (services.workers().stream().noneMatch(w -> w.process().isAlive())) {
                List<String> problems = new ArrayList<>();
                for (LocalServices.Service w : services.workers()) {
                    problems.add(w.name() + " exited with code " + w.process().exitValue() + "; its log: " + w.log()
                            + tail(w.log()));
                }
                throw new CliException(1, "every worker stopped before the study ended:" + System.lineSeparator()
                        + String.join(System.lineSeparator(), problems));
            }
            Thread.sleep(2000);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return System.lineSeparator() + String.join(System.lineSeparator(),
                    lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void say(PrintWriter out, String line) {
        out.println("hpo demo: " + line);
        out.flush();
    }
}
