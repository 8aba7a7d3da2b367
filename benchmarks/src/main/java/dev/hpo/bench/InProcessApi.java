package dev.hpo.bench;

import dev.hpo.api.SearchApiApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The search API started in this JVM for a benchmark: on a free loopback port, with an H2 file database in a
 * temporary directory that closing it deletes. Nothing of it goes to standard output, which carries the
 * benchmark's report only.
 */
public final class InProcessApi implements AutoCloseable {

    private final Path dataDir;
    private final ConfigurableApplicationContext server;

    private InProcessApi(Path dataDir, ConfigurableApplicationContext server) {
        this.dataDir = dataDir;
        this.server = server;
    }

    /** Starts the service and returns once it answers requests. */
    public static InProcessApi start(String name) throws IOException {
        Path dataDir = Files.createTempDirectory("hpo-bench-" + name);
        // Command-line properties, so they win over application.properties: a free port, never 8080; no console
        // log.
        ConfigurableApplicationContext server = new SpringApplicationBuilder(SearchApiApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--hpo.data-dir=" + dataDir,
                        "--logging.pattern.console=");
        return new InProcessApi(dataDir, server);
    }

    /** The service's address, such as {@code http://127.0.0.1:41234}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port"));
    }

    /** Where the database lives while the service runs. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.close();
        try (var paths = Files.walk(dataDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dataDir, e);
        }
    }
}
