package dev.hpo.cli;

import dev.hpo.cli.local.HpoHome;
import dev.hpo.cli.local.LocalServices;
import dev.hpo.protocol.ProtocolJson;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.TrialView;
import dev.hpo.protocol.client.ApiClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One real API for the integration tests of this module, started once through the launcher on a fresh embedded
 * database with a bearer token, and stopped when the test JVM exits. Tests create their own studies in it.
 */
final class LocalApi {

    static final String TOKEN = "it-token";

    private static LocalApi running;

    final Path directory;
    final LocalServices services;
    final ApiClient api;

    private LocalApi(Path directory, LocalServices services, ApiClient api) {
        this.directory = directory;
        this.services = services;
        this.api = api;
    }

    static synchronized LocalApi get() throws Exception {
        if (running == null) {
            Path directory = Files.createTempDirectory("hpo-it-");
            LocalServices services = new LocalServices(home(), directory.resolve("logs"),
                    new PrintWriter(System.out, true));
            ApiClient api = services.startServer(LocalServices.freePort(), directory.resolve("db"), Optional.of(TOKEN),
                    Duration.ofMinutes(5));
            running = new LocalApi(directory, services, api);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                services.close();
                delete(directory);
            }, "local-api-cleanup"));
        }
        return running;
    }

    private static void delete(Path directory) {
        try (java.util.stream.Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }

    static HpoHome home() {
        return new HpoHome(Path.of(System.getProperty("hpo.home", "..")).toAbsolutePath().normalize());
    }

    /** Starts a worker for one study with these extra arguments. */
    LocalServices.Service worker(String name, long studyId, String... arguments) {
        List<String> args = new java.util.ArrayList<>(List.of("--api", api.base().toString(), "--token", TOKEN,
                "--study", Long.toString(studyId), "--worker-id", name, "--idle-poll", "500ms"));
        args.addAll(List.of(arguments));
        return services.startWorker(name, args);
    }

    long create(String specJson) {
        return api.createStudy(specJson).id();
    }

    List<TrialView> trials(long studyId) {
        return api.allTrials(studyId, null);
    }

    /** Waits until the study satisfies {@code condition}; fails with the worker logs when it does not in time. */
    StudyView await(long studyId, Predicate<StudyView> condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            StudyView study = api.study(studyId);
            if (condition.test(study)) {
                return study;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("study " + studyId + " did not get there within " + limit.toSeconds()
                        + " s: " + ProtocolJson.write(study) + System.lineSeparator() + logs());
            }
            Thread.sleep(250);
        }
    }

    String logs() {
        StringBuilder text = new StringBuilder();
        for (LocalServices.Service w : services.workers()) {
            try {
                List<String> lines = Files.readAllLines(w.log());
                text.append("--- ").append(w.name()).append(System.lineSeparator())
                        .append(String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40),
                                lines.size()))).append(System.lineSeparator());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }

    static Path script(String name) {
        return home().root().resolve("hpo-cli/src/test/resources/trials").resolve(name);
    }
}
