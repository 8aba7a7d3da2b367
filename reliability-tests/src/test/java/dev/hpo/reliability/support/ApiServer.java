package dev.hpo.reliability.support;

import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.JdkHttpTransport;
import dev.hpo.protocol.client.Retry;
import dev.hpo.protocol.client.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The search API as its own operating-system process, started from the jar and class path the build writes
 * (what ./hpo runs), so a test can kill it with SIGKILL and start it again on the same port and database.
 */
public final class ApiServer implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(150);

    private final Database database;
    private final String token;
    private final int port;
    private final Path logDirectory;
    private final Map<String, String> environment;
    private volatile Process process;
    private int starts;

    private ApiServer(Database database, String token, Path logDirectory, Map<String, String> environment) {
        this.database = database;
        this.token = token;
        this.port = freePort();
        this.logDirectory = logDirectory;
        this.environment = Map.copyOf(environment);
        // A test JVM that ends early (a failed build, Ctrl-C) must not leave an API running.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process running = process;
            if (running != null) {
                running.destroyForcibly();
            }
        }, "api-server-cleanup"));
    }

    /**
     * Starts an API on DATABASE, requiring TOKEN, and waits until it answers.
     *
     * @param label names the directory under target/reliability that keeps its logs
     * @param environment settings beyond the command line, e.g. HPO_API_REAPER_INTERVAL
     */
    public static ApiServer start(Database database, String token, String label, Map<String, String> environment) {
        Path logs = Path.of("target", "reliability", label).toAbsolutePath();
        ApiServer server = new ApiServer(database, token, logs, environment);
        server.launch();
        return server;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** A client that tries each request once, as a test that judges every answer wants. */
    public ApiClient client() {
        return new ApiClient(transport(), Optional.of(token), Retry.never());
    }

    /** HTTP to this API: connections are refused at once while it is down, answers wait at most 20 s. */
    public Transport transport() {
        return new JdkHttpTransport(base(), Duration.ofSeconds(2), Duration.ofSeconds(20));
    }

    public String token() {
        return token;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush, no connection closed cleanly. */
    public void killHard() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("API process " + process.pid() + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the API again on the same port and database and waits until it answers. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("the API is still running");
        }
        launch();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    killHard();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                killHard();
            }
        }
    }

    private void launch() {
        starts++;
        Path log = logDirectory.resolve("api-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Several of these start during one build on small machines: bounded heap, quick start.
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", Launch.classPath("search-api"),
                "dev.hpo.api.SearchApiApplication",
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--token", token));
        command.addAll(database.serverArguments());
        try {
            Files.createDirectories(logDirectory);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(log);
    }

    private void awaitHealthy(Path log) {
        ApiClient client = client();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the API exited with " + process.exitValue() + " while starting:\n"
                        + Launch.tail(log, 40));
            }
            if (client.healthy()) {
                return;
            }
            Launch.pause(Duration.ofMillis(250));
        }
        process.destroyForcibly();
        throw new IllegalStateException("the API did not become healthy within " + STARTUP_LIMIT.toSeconds()
                + " s:\n" + Launch.tail(log, 40));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
