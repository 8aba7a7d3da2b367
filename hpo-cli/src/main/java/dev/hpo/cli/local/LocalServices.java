package dev.hpo.cli.local;

import dev.hpo.cli.api.CliException;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.Retry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The API and workers this machine runs for one command, each in its own process started through the
 * {@code hpo} launcher, with its output in a log file. Closing stops them all: workers first (SIGTERM, so they
 * hand back their trials), then the API. A shutdown hook closes them on Ctrl-C too.
 */
public final class LocalServices implements AutoCloseable {

    private static final Duration WORKER_STOP = Duration.ofSeconds(25);
    private static final Duration SERVER_STOP = Duration.ofSeconds(15);

    private final HpoHome home;
    private final Path logs;
    private final PrintWriter out;
    private final List<Service> workers = new ArrayList<>();
    private final Thread hook;
    private Service server;
    private boolean closed;

    /** A started process and where its output goes. */
    public record Service(String name, Process process, Path log) {
    }

    public LocalServices(HpoHome home, Path logs, PrintWriter out) {
        this.home = home;
        this.logs = logs;
        this.out = out;
        this.hook = new Thread(this::close, "local-services-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * The worker option that shares this machine's cores among {@code workers} CPU workers; none for a single
     * worker, whose trials use every core.
     */
    public static List<String> threadsPerWorker(int workers) {
        if (workers <= 1) {
            return List.of();
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
        return List.of("--threads", Integer.toString(threads));
    }

    /** A port nobody listens on now, on the loopback address. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    /**
     * Starts the API on the embedded database in {@code dataDir} and waits until it answers.
     *
     * @param token the bearer token the API requires on writes, when given
     *
     * @throws CliException when it exits or does not answer within {@code startLimit}, pointing at its log
     */
    public ApiClient startServer(int port, Path dataDir, Optional<String> token, Duration startLimit)
            throws InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("server", "--port", Integer.toString(port), "--data-dir",
                dataDir.toString()));
        token.ifPresent(t -> arguments.addAll(List.of("--token", t)));
        server = start("server", arguments);
        ApiClient api = ApiClient.http(URI.create("http://127.0.0.1:" + port), token, Retry.never());
        long deadline = System.nanoTime() + startLimit.toNanos();
        while (!api.healthy()) {
            if (!server.process().isAlive()) {
                throw new CliException(1, "the API did not start (exit code " + server.process().exitValue()
                        + "); its log: " + server.log() + lastLines(server.log()));
            }
            if (System.nanoTime() > deadline) {
                throw new CliException(1, "the API did not answer within " + startLimit.toSeconds()
                        + " s; its log: " + server.log() + lastLines(server.log()));
            }
            Thread.sleep(500);
        }
        return api;
    }

    /** Starts a worker with these arguments (after {@code hpo worker}). */
    public Service startWorker(String name, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("worker"));
        command.addAll(arguments);
        Service worker = start(name, command);
        workers.add(worker);
        return worker;
    }

    public List<Service> workers() {
        return List.copyOf(workers);
    }

    public Optional<Service> server() {
        return Optional.ofNullable(server);
    }

    /** Stops the workers, then the API; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Called from the hook itself.
        }
        long alive = workers.stream().filter(w -> w.process().isAlive()).count()
                + (server != null && server.process().isAlive() ? 1 : 0);
        if (alive > 0) {
            out.println("hpo: stopping the " + alive + " local process" + (alive == 1 ? "" : "es") + " started here"
                    + " (workers hand back their trials)...");
            out.flush();
        }
        workers.forEach(w -> stop(w, WORKER_STOP));
        if (server != null) {
            stop(server, SERVER_STOP);
        }
    }

    private Service start(String name, List<String> arguments) {
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(home.launcher().toString());
            command.addAll(arguments);
            Process process = new ProcessBuilder(command)
                    .directory(home.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new Service(name, process, log);
        } catch (IOException e) {
            throw new CliException(1, "cannot start " + name + ": " + e.getMessage());
        }
    }

    private void stop(Service service, Duration patience) {
        Process process = service.process();
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                out.println("hpo: " + service.name() + " did not stop within " + patience.toSeconds()
                        + " s; killing it");
                out.flush();
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        // A launcher still building when stopped leaves its build behind.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size());
            return tail.isEmpty() ? "" : System.lineSeparator() + String.join(System.lineSeparator(), tail);
        } catch (IOException e) {
            return "";
        }
    }
}
