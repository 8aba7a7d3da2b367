package dev.hpo.bench.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.api.SearchApiApplication;
import dev.hpo.bench.BenchOptions;
import dev.hpo.bench.Benchmark;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code hpo bench storage}: what a measurement costs the database at rest, and whether reporting one slows down as
 * a study grows. Starts the service in this JVM on a fresh H2 file database (or on the PostgreSQL server named by
 * {@code HPO_BENCH_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD}), runs one study with ASHA early stopping in
 * which clients act as workers over HTTP: each takes a trial, reports every step's measurement, and completes it.
 * Each report's latency is kept for the first and the last hundred trials, so the two ends of the study compare on
 * the same machine in the same run.
 */
public final class StorageBenchmark implements Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Bytes per measurement the database may take at rest. */
    static final int TARGET_BYTES = 512;

    private final PrintStream out;

    public StorageBenchmark() {
        this(System.out);
    }

    StorageBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public String description() {
        return "bytes per measurement at rest, report latency early and late [--trials 10000 --steps 50 --clients 16]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        BenchOptions options = new BenchOptions(args, Map.of("trials", 10_000L, "steps", 50L, "clients", 16L),
                Set.of());
        int trials = options.get("trials");
        int steps = options.get("steps");
        int clients = options.get("clients");
        Optional<String> postgres = Optional.ofNullable(System.getenv("HPO_BENCH_POSTGRES_URL"))
                .filter(url -> !url.isBlank());
        Path dataDir = Files.createTempDirectory("hpo-bench-storage");
        List<String> properties = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--hpo.data-dir=" + dataDir, "--logging.pattern.console="));
        postgres.ifPresent(url -> properties.addAll(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + System.getenv().getOrDefault("HPO_BENCH_POSTGRES_USER", "hpo"),
                "--spring.datasource.password=" + System.getenv().getOrDefault("HPO_BENCH_POSTGRES_PASSWORD", ""))));
        ConfigurableApplicationContext server = new SpringApplicationBuilder(SearchApiApplication.class)
                .run(properties.toArray(String[]::new));
        ObjectNode report = JSON.createObjectNode();
        try {
            report.put("database", postgres.map(url -> "PostgreSQL (" + url + ")")
                    .orElse("H2 file (" + dataDir + ")"));
            report.put("trials", trials);
            report.put("stepsPerTrial", steps);
            report.put("clients", clients);
            String base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
            StudyRun run = StudyRun.of(base, trials, steps, clients);
            JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
            long measurements = jdbc.queryForObject("SELECT COUNT(*) FROM measurements", Long.class);
            report.put("trialsRun", jdbc.queryForObject("SELECT COUNT(*) FROM trials WHERE state <> 'WAITING'",
                    Long.class));
            report.put("measurements", measurements);
            report.put("prunedTrials", run.pruned());
            report.put("seconds", Math.round(run.seconds() * 10) / 10.0);
            report.set("firstTrialsReportMs", run.early().summary());
            report.set("lastTrialsReportMs", run.late().summary());
            report.put("lateOverEarlyMedian", Math.round(run.late().median() / run.early().median() * 100) / 100.0);
            if (postgres.isPresent()) {
                long bytes = postgresBytes(jdbc);
                report.put("bytesRunning", bytes);
                jdbc.execute("VACUUM");
                report.put("bytesAtRest", postgresBytes(jdbc));
            } else {
                report.put("bytesRunning", h2Bytes(dataDir));
            }
        } finally {
            server.close();
        }
        if (postgres.isEmpty()) {
            // At rest: the service has stopped and the database closed its file.
            report.put("bytesAtRest", h2Bytes(dataDir));
            deleteRecursively(dataDir);
        }
        long measurements = report.get("measurements").asLong();
        report.put("bytesPerMeasurementRunning", report.get("bytesRunning").asLong() / Math.max(1, measurements));
        double atRest = report.get("bytesAtRest").asDouble() / Math.max(1, measurements);
        report.put("bytesPerMeasurementAtRest", Math.round(atRest));
        report.put("targetBytesPerMeasurement", TARGET_BYTES);
        report.put("meetsTarget", atRest < TARGET_BYTES);
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        // A study that ended before running every trial measured less than it says.
        return report.get("trialsRun").asLong() == trials ? 0 : 1;
    }

    /** The trials and measurements tables with their indexes and out-of-line values. */
    private static long postgresBytes(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT pg_total_relation_size('measurements') + pg_total_relation_size('trials')",
                Long.class);
    }

    private static long h2Bytes(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".mv.db")).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
