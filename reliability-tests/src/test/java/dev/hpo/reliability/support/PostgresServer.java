package dev.hpo.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the test script's PostgreSQL server with pg_ctl, to take the database away from a running
 * API. Runs pg_ctl as the data directory's owner, as PostgreSQL refuses to run as root.
 */
public final class PostgresServer {

    private final Path bin;
    private final Path data;

    private PostgresServer(Path bin, Path data) {
        this.bin = bin;
        this.data = data;
    }

    /** The server the test script started, when it says where its data directory and binaries are. */
    public static Optional<PostgresServer> fromEnvironment() {
        String bin = System.getenv("HPO_TEST_POSTGRES_BIN");
        String data = System.getenv("HPO_TEST_POSTGRES_DATA");
        if (bin == null || data == null || !Files.isExecutable(Path.of(bin, "pg_ctl"))) {
            return Optional.empty();
        }
        return Optional.of(new PostgresServer(Path.of(bin), Path.of(data)));
    }

    /** Stops the server at once, dropping every connection, as a crash or a network cut would. */
    public void stop() {
        pgCtl("-m", "immediate", "-w", "stop");
    }

    /** Starts the server again with the options it last ran with. */
    public void start() {
        pgCtl("-w", "-l", data.resolveSibling("restart.log").toString(), "restart");
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", owner(), "--"));
        }
        command.add(bin.resolve("pg_ctl").toString());
        command.addAll(List.of("-D", data.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String owner() {
        try {
            return Files.getOwner(data).getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
