package dev.hpo.api.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.arch.ArchitectureCost;
import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.CostModel;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills a study with finished, pruned, failed, running and waiting trials that look like a real Fashion-MNIST
 * ResNet-9 search: MACs and parameters from the real cost model, accuracy that grows with size and suffers from
 * bad learning rates, and per-epoch validation measurements. The study is created through the HTTP API; its trials
 * go straight into the database in batches, because running ten thousand of them through the worker protocol would
 * take minutes and show nothing the page does not already get from the stored rows.
 */
public final class StudySeeder {

    private static final ArchitectureSpec BASELINE = ArchitectureSpec.baseline(ModelFamily.RESNET9, InputShape.of(1, 28, 28), 10);
    private static final int EPOCHS = 10;
    private static final String[] OPTIMIZERS = {"sgd", "adam", "adamw"};
    private static final String[] FAILURES = {
        "lost worker",
        "training diverged: loss is NaN at epoch 2",
        "java.lang.OutOfMemoryError: Java heap space while allocating activations",
    };

    /** The one objective and the constraints of a study for the smallest ResNet-9 that still reaches 85%. */
    private static final String SMALLEST = """
            "description": "Smallest ResNet-9 that still reaches 85% on Fashion-MNIST",
            "objectives": [{"metric": "macs", "goal": "MINIMIZE"}],
            "constraints": [{"metric": "accuracy", "min": 0.85}, {"metric": "macs", "max": 2e8}],""";
    /** The two objectives of a study of the trade-off between accuracy and MACs, without constraints. */
    private static final String TRADE_OFF = """
            "description": "Accuracy against MACs of ResNet-9 on Fashion-MNIST",
            "objectives": [{"metric": "accuracy", "goal": "MAXIMIZE"}, {"metric": "macs", "goal": "MINIMIZE"}],""";

    private final String baseUrl;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    public StudySeeder(String baseUrl, JdbcTemplate jdbc) {
        this.baseUrl = baseUrl;
        this.jdbc = jdbc;
    }

    /** The spec of the seeded studies: the smallest ResNet-9 that still reaches 85%. */
    static String spec(String name, int maxTrials) {
        return spec(name, maxTrials, SMALLEST);
    }

    private static String spec(String name, int maxTrials, String goals) {
        return """
                {
                  "name": "%s",
                  %s
                  "algorithm": {"name": "RANDOM"},
                  "budget": {"maxTrials": %d, "parallelism": 8},
                  "trialSettings": {
                    "timeCap": "10m", "heartbeatTimeout": "10m",
                    "dataset": {"name": "fashion-mnist", "trainPerClass": 500, "valPerClass": 100},
                    "model": {"family": "resnet9"}
                  },
                  "parameters": [
                    {"name": "width", "type": "float", "min": 0.25, "max": 1.0},
                    {"name": "depth", "type": "categorical", "values": [0.4, 1.0]},
                    {"name": "resolution", "type": "categorical", "values": [0.75, 1.0]},
                    {"name": "learningRate", "type": "float", "min": 0.001, "max": 0.5, "scale": "log"},
                    {"name": "weightDecay", "type": "float", "min": 1e-5, "max": 1e-2, "scale": "log"},
                    {"name": "optimizer", "type": "categorical", "values": ["sgd", "adam", "adamw"]},
                    {"name": "batchSize", "type": "int", "min": 32, "max": 256, "scale": "log"}
                  ],
                  "seed": 42
                }
                """.formatted(name, goals, maxTrials);
    }

    /** Creates a study for the smallest network that still reaches 85% through the API and answers its id. */
    public long createStudy(String name, int maxTrials) throws IOException, InterruptedException {
        return create(spec(name, maxTrials));
    }

    /** Creates a study of the trade-off of accuracy against MACs (two objectives) and answers its id. */
    long createTradeOffStudy(String name, int maxTrials) throws IOException, InterruptedException {
        return create(spec(name, maxTrials, TRADE_OFF));
    }

    private long create(String spec) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/studies"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(spec))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating a study answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body()).get("id").asLong();
    }

    /** Stops a study through the API. */
    void stopStudy(long studyId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/studies/" + studyId + "/stop"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stopping a study answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Asks the API for a trial as a worker would: the study gains one RUNNING trial. */
    void claimTrial(long studyId, String workerId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/studies/" + studyId + "/suggestions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"workerId\": \"" + workerId + "\", \"count\": 1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || json.readTree(response.body()).path("trials").isEmpty()) {
            throw new IllegalStateException("claiming a trial answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * Adds {@code count} trials to a study that has none, the last few running or waiting, and dates the study's
     * start back so the trials' times fall after it.
     */
    public void seedTrials(long studyId, int count, long seed) throws IOException {
        Random random = new Random(seed);
        Instant now = Instant.now();
        List<SeededTrial> trials = new ArrayList<>(count);
        double clock = 0;
        for (int number = 0; number < count; number++) {
            SeededTrial trial = trial(number, count, random, clock);
            trials.add(trial);
            clock += trial.seconds() / 2; // two trials run side by side
        }
        Instant start = now.minusSeconds((long) clock + 60);
        List<Object[]> rows = new ArrayList<>(count);
        for (SeededTrial t : trials) {
            Instant started = start.plusMillis((long) (t.startSeconds() * 1000));
            Instant finished = t.finished() ? started.plusMillis((long) (t.seconds() * 1000)) : null;
            rows.add(new Object[] {
                studyId, t.number(), t.number(), 0, json.writeValueAsString(t.parameters()), false, t.state(),
                t.state().equals("PRUNED") ? "PRUNED" : null, t.state().equals("WAITING") ? null : "worker-" + (t.number() % 2),
                t.state().equals("WAITING") ? 0 : 1, t.metrics().isEmpty() ? null : json.writeValueAsString(t.metrics()),
                t.failure(), Timestamp.from(start.plusSeconds(t.number())),
                t.state().equals("WAITING") ? null : Timestamp.from(started),
                finished == null ? null : Timestamp.from(finished),
                t.state().equals("RUNNING") ? Timestamp.from(now) : null,
            });
        }
        jdbc.batchUpdate("""
                INSERT INTO trials (study_id, number, config_key, repeat_index, parameters_json, enqueued, state,
                                    stop_reason, worker_id, attempts, metrics_json, failure_reason, created_at,
                                    started_at, finished_at, heartbeat_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
        jdbc.update("UPDATE studies SET trials_created = ?, created_at = ? WHERE id = ?",
                count, Timestamp.from(start), studyId);

        Map<Long, Long> idByNumber = new LinkedHashMap<>();
        jdbc.query("SELECT number, id FROM trials WHERE study_id = ?",
                rs -> {
                    idByNumber.put(rs.getLong(1), rs.getLong(2));
                },
                studyId);
        List<Object[]> measurements = new ArrayList<>();
        for (SeededTrial t : trials) {
            Instant started = start.plusMillis((long) (t.startSeconds() * 1000));
            for (int epoch = 1; epoch <= t.epochs(); epoch++) {
                double elapsed = t.seconds() * epoch / Math.max(1, t.epochs());
                double accuracy = t.curveTop() * (1 - 0.6 * Math.exp(-epoch / 2.2)) + random.nextGaussian() * 0.004;
                measurements.add(new Object[] {
                    idByNumber.get((long) t.number()), 1, epoch, elapsed,
                    json.writeValueAsString(Map.of("accuracy", accuracy, "loss", 2.3 * (1 - accuracy))),
                    Timestamp.from(started.plusMillis((long) (elapsed * 1000))),
                });
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO measurements (trial_id, attempt, step, elapsed_seconds, metrics_json, reported_at)
                VALUES (?, ?, ?, ?, ?, ?)""", measurements);
    }

    private static SeededTrial trial(int number, int count, Random random, double clock) {
        double width = 0.25 + 0.75 * random.nextDouble();
        double depth = random.nextBoolean() ? 0.4 : 1.0;
        double resolution = random.nextBoolean() ? 0.75 : 1.0;
        double learningRate = Math.exp(Math.log(0.001) + random.nextDouble() * Math.log(500));
        double weightDecay = Math.exp(Math.log(1e-5) + random.nextDouble() * Math.log(1000));
        String optimizer = OPTIMIZERS[random.nextInt(OPTIMIZERS.length)];
        int batchSize = (int) Math.round(Math.exp(Math.log(32) + random.nextDouble() * Math.log(8)));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("width", width);
        parameters.put("depth", depth);
        parameters.put("resolution", resolution);
        parameters.put("learningRate", learningRate);
        parameters.put("weightDecay", weightDecay);
        parameters.put("optimizer", optimizer);
        parameters.put("batchSize", batchSize);

        ArchitectureCost cost = CostModel.of(BASELINE.withMultipliers(depth, width, resolution));
        double lrPenalty = Math.log10(learningRate) + (optimizer.equals("sgd") ? 1.0 : 2.3);
        double top = 0.80 + 0.13 * (1 - Math.exp(-cost.macs() / 4.0e7)) - 0.03 * lrPenalty * lrPenalty
                + random.nextGaussian() * 0.006;
        top = Math.max(0.3, Math.min(0.95, top));
        double epochSeconds = 6 + cost.macs() / 1.0e7 * (1 + 0.1 * random.nextGaussian());

        String state;
        int epochs;
        if (number >= count - 2) {
            state = "WAITING";
            epochs = 0;
        } else if (number >= count - 5) {
            state = "RUNNING";
            epochs = 2 + random.nextInt(5);
        } else {
            double roll = random.nextDouble();
            state = roll < 0.04 ? "FAILED" : roll < 0.22 ? "PRUNED" : "COMPLETE";
            epochs = switch (state) {
                case "FAILED" -> random.nextInt(3);
                case "PRUNED" -> 2 + random.nextInt(5);
                default -> EPOCHS;
            };
        }
        double seconds = Math.max(1, epochs) * epochSeconds;
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (state.equals("COMPLETE")) {
            double accuracy = top * (1 - 0.6 * Math.exp(-EPOCHS / 2.2));
            metrics.put("accuracy", accuracy);
            metrics.put("macs", (double) cost.macs());
            metrics.put("params", (double) cost.params());
            metrics.put("loss", 2.3 * (1 - accuracy));
            metrics.put("wallSeconds", seconds);
        }
        String failure = state.equals("FAILED") ? FAILURES[random.nextInt(FAILURES.length)] : null;
        return new SeededTrial(number, state, parameters, metrics, failure, epochs, top, clock, seconds);
    }

    private record SeededTrial(int number, String state, Map<String, Object> parameters, Map<String, Double> metrics,
                               String failure, int epochs, double curveTop, double startSeconds, double seconds) {
        boolean finished() {
            return state.equals("COMPLETE") || state.equals("PRUNED") || state.equals("FAILED");
        }
    }
}
