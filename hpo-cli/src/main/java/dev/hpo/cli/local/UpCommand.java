package dev.hpo.cli.local;

import dev.hpo.cli.api.CliException;
import dev.hpo.protocol.client.ApiClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hpo up}: the API and local workers, kept running for interactive use until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the API and local workers serving every study; Ctrl-C stops them all.")
public final class UpCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--workers", defaultValue = "1", description = "local workers (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--port", defaultValue = "8080", description = "the API's port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", description = "where the API keeps its database (default: ~/.hpo/data)")
    Path dataDir;

    @Option(names = "--device", split = ",",
            description = "one worker per device, e.g. cuda:0,cuda:1 (overrides --workers; default: cpu)")
    List<String> devices = new ArrayList<>();

    @Option(names = "--engine", defaultValue = "dl4j",
            description = "the workers' training engine: dl4j, or pytorch for GPUs (default: ${DEFAULT-VALUE})")
    String engine;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (workers < 0) {
            throw new CliException(2, "--workers must be 0 or more, got " + workers);
        }
        HpoHome home = HpoHome.locate();
        Path data = dataDir != null ? dataDir.toAbsolutePath() : HpoHome.userDirectory().resolve("data");
        Path logs = data.resolve("logs");
        List<String> datasetDirs = new ArrayList<>();
        if (FashionMnistFiles.complete(FashionMnistFiles.DEBIAN)) {
            datasetDirs.addAll(List.of("--dataset-dir", "fashion-mnist=" + FashionMnistFiles.DEBIAN));
        } else {
            datasetDirs.addAll(List.of("--dataset-dir", "fashion-mnist=" + FashionMnistFiles.official(out).locate()));
        }
        try (LocalServices services = new LocalServices(home, logs, out)) {
            out.println("hpo up: starting the API on " + data + " (the first start builds it)...");
            out.flush();
            ApiClient api = services.startServer(port, data, Optional.empty(), Duration.ofMinutes(15));
            List<String> onDevices = devices.isEmpty() ? java.util.Collections.nCopies(workers, "cpu") : devices;
            for (int i = 0; i < onDevices.size(); i++) {
                List<String> args = new ArrayList<>(List.of("--api", api.base().toString(), "--worker-id",
                        "local-" + (i + 1), "--device", onDevices.get(i), "--engine", engine));
                args.addAll(datasetDirs);
                if (onDevices.get(i).equals("cpu")) {
                    args.addAll(LocalServices.threadsPerWorker(onDevices.size()));
                }
                services.startWorker("worker-" + (i + 1), args);
            }
            out.println("hpo up: API and dashboard at " + api.base() + " with " + onDevices.size() + " worker"
                    + (onDevices.size() == 1 ? "" : "s") + "; logs in " + logs);
            out.println("hpo up: create a study with ./hpo study create -f examples/fashion-mnist-demo.json --api "
                    + api.base());
            out.println("hpo up: Ctrl-C stops everything");
            out.flush();
            List<String> reported = new ArrayList<>();
            while (true) {
                if (!services.server().orElseThrow().process().isAlive()) {
                    throw new CliException(1, "the API stopped (exit code "
                            + services.server().orElseThrow().process().exitValue() + "); its log: "
                            + services.server().orElseThrow().log());
                }
                for (LocalServices.Service w : services.workers()) {
                    if (!w.process().isAlive() && !reported.contains(w.name())) {
                        reported.add(w.name());
                        out.println("hpo up: " + w.name() + " stopped (exit code " + w.process().exitValue()
                                + "); its log: " + w.log());
                        out.flush();
                    }
                }
                Thread.sleep(2000);
            }
        }
    }
}
