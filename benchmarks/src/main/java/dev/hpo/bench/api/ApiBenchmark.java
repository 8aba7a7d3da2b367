package dev.hpo.bench.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.bench.BenchOptions;
import dev.hpo.bench.Benchmark;
import dev.hpo.bench.InProcessApi;
import dev.hpo.protocol.Completion;
import dev.hpo.protocol.Enqueue;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.Suggestions;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.Retry;
import dev.hpo.space.SearchSpace;
import dev.hpo.study.Budget;
import dev.hpo.study.StudySpecParser;
import dev.hpo.trial.TrialState;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code hpo bench api}: starts the service on a random loopback port with an H2 file database in a temporary
 * directory, fills a study with trials (enqueued configurations), then lets concurrent clients claim and complete
 * every one over real HTTP, timing each suggestion + completion round trip. The service and its clients share one
 * JVM and the machine's cores, so the figures include the clients' own cost; each client is the project's protocol
 * client on a connection of its own, over which it speaks plain HTTP/1.1 ({@link SocketTransport}), so the clients
 * take as little of the shared cores as they can.
 *
 * <p>The figures describe a warm service, one that has run for a while: rounds of the same three phases on studies
 * of their own ({@code --warmup} trials in all) come first, and only their round trips' throughput, latency and CPU
 * are reported; {@code --warmup 0} measures a cold service, which the JIT compiler has not yet caught up with.
 */
public final class ApiBenchmark implements Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = """
            {
              "name": "%s",
              "objectives": [{"metric": "loss", "goal": "MINIMIZE"}],
              "algorithm": {"name": "RANDOM"},
              "budget": {"maxTrials": %d, "parallelism": %d},
              "trialSettings": {"timeCap": "10m"},
              "parameters": [
                {"name": "learningRate", "type": "float", "min": 0.001, "max": 0.5, "scale": "log"},
                {"name": "weightDecay", "type": "float", "min": 1e-5, "max": 1e-2, "scale": "log"},
                {"name": "optimizer", "type": "categorical", "values": ["sgd", "adam", "adamw"]},
                {"name": "batchSize", "type": "int", "min": 32, "max": 256, "scale": "log"},
                {"name": "width", "type": "float", "min": 0.25, "max": 1.0}
              ],
              "seed": 1
            }
            """;

    /** The benchmark studies' search space, the same whatever their name and size: the fill draws from it. */
    private static final SearchSpace SPACE = StudySpecParser.parse(SPEC.formatted("bench-api", 1, 1)).searchSpace();

    /** Where the report goes; from the command line, standard output, which carries nothing else. */
    private final PrintStream out;
    /** The service's address; every client, and every request between phases, gets a connection of its own. */
    private SocketTransport http;

    public ApiBenchmark() {
        this(System.out);
    }

    ApiBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public String description() {
        return "suggestion + completion round trips over HTTP [--trials 10000 --clients 64 --warmup 60000]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        BenchOptions options = new BenchOptions(args,
                Map.of("trials", 10_000L, "clients", 64L, "warmup", 60_000L), Set.of("warmup"));
        int trials = options.get("trials");
        int clients = options.get("clients");
        int warmup = options.get("warmup");
        try (InProcessApi server = InProcessApi.start("api")) {
            http = new SocketTransport(server.base().toString());
            ObjectNode report = JSON.createObjectNode();
            report.put("database", "H2 file (" + server.dataDir() + ")");
            report.put("process", "service and clients in one JVM on " + Runtime.getRuntime().availableProcessors()
                    + " cores");
            report.put("trials", trials);
            report.put("clients", clients);
            // Rounds like the measured one first, each on a study of its own. On few cores the JIT compiler keeps
            // compiling and recompiling the request path for a long while, on one of the cores, and every kind of
            // request changes what it has seen; the rounds' figures show how far that goes.
            ArrayNode warmUp = report.putArray("warmUp");
            for (int done = 0, round = 1; done < warmup; round++) {
                int size = Math.min(trials, warmup - done);
                System.err.println("hpo bench api: warm-up round " + round + ", " + size + " trials...");
                warmUp.add(ClientPhase.brief(phases("bench-api-warmup-" + round, size, clients).roundTrips()));
                done += size;
            }
            Phases measured = phases("bench-api", trials, clients);
            report.set("fill", measured.fill());
            report.set("httpFloor", measured.httpFloor());
            report.set("roundTrips", measured.roundTrips());
            long study = measured.study();
            StudyView status;
            // A connection of its own, like every request between phases: one kept from before a phase has idled
            // through it, longer than the service keeps an idle connection open.
            try (SocketTransport once = http.another()) {
                status = client(once).study(study);
            }
            long complete = status.trialCounts().getOrDefault(TrialState.COMPLETE, 0L);
            report.put("studyState", status.state().name());
            report.put("trialsComplete", complete);
            report.put("targetP99Ms", 50);
            report.put("meetsTarget", report.at("/roundTrips/p99Ms").asDouble() < 50);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return complete == trials ? 0 : 1;
        } finally {
            if (http != null) {
                http.close();
            }
        }
    }

    /**
     * Creates a study of {@code trials} trials and runs the three phases on it: the fill; the HTTP floor (the same
     * clients on an endpoint that does no work, what the HTTP stack and the clients alone cost on this machine right
     * now, to read the round-trip figures against); the round trips.
     */
    private Phases phases(String name, int trials, int clients) throws Exception {
        long study;
        try (SocketTransport once = http.another()) {
            study = client(once).createStudy(spec(name, trials)).id();
        }
        ObjectNode fill = fill(study, trials, clients);
        ObjectNode floor = httpFloor(clients, Math.min(trials, 5_000));
        return new Phases(study, fill, floor, roundTrips(study, clients, trials));
    }

    private record Phases(long study, ObjectNode fill, ObjectNode httpFloor, ObjectNode roundTrips) {
    }

    /** A study of {@code trials} trials that all may run at once, as far as the spec's parallelism allows. */
    private static String spec(String name, int trials) {
        return SPEC.formatted(name, trials, Math.min(trials, Budget.MAX_PARALLELISM));
    }

    /** Enqueues {@code trials} distinct configurations, {@code clients} requests at a time. */
    private ObjectNode fill(long study, int trials, int clients) throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        List<Enqueue> configurations = new ArrayList<>(trials);
        for (int i = 0; i < trials; i++) {
            double[] point = new double[SPACE.dimensions()];
            for (int d = 0; d < point.length; d++) {
                point[d] = random.nextDouble();
            }
            configurations.add(new Enqueue(SPACE.decode(point).values()));
        }
        System.err.println("hpo bench api: enqueuing " + trials + " trials...");
        AtomicInteger next = new AtomicInteger();
        return ClientPhase.run(http, clients, client -> {
            Timings own = new Timings();
            for (int i = next.getAndIncrement(); i < trials; i = next.getAndIncrement()) {
                own.start();
                client.enqueue(study, configurations.get(i));
                own.stop();
            }
            return own;
        }).summary();
    }

    /** Each client asks for a trial and completes it until the study has none left. */
    private ObjectNode roundTrips(long study, int clients, int trials) throws Exception {
        System.err.println("hpo bench api: " + clients + " clients claiming and completing " + trials + " trials...");
        AtomicInteger worker = new AtomicInteger();
        return ClientPhase.run(http, clients, client -> {
            String workerId = "bench-" + worker.getAndIncrement();
            Suggest ask = Suggest.of(workerId, 1);
            Timings own = new Timings();
            while (true) {
                own.start();
                Suggestions reply = client.suggest(study, ask);
                if (reply.trials().isEmpty()) {
                    return own;
                }
                Suggestion trial = reply.trials().get(0);
                double loss = ((Number) trial.parameters().get("learningRate")).doubleValue();
                client.complete(trial.id(), Completion.of(Map.of("loss", loss), workerId));
                own.stop();
            }
        }).summary();
    }

    /**
     * Pairs of requests to the actuator's info endpoint (static, unlike health, which queries the database), as
     * many as {@code pairs}, timed like a round trip.
     */
    private ObjectNode httpFloor(int clients, int pairs) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return ClientPhase.run(http, clients, client -> {
            Timings own = new Timings();
            while (next.getAndIncrement() < pairs) {
                own.start();
                client.raw("GET", "actuator/info", null);
                client.raw("GET", "actuator/info", null);
                own.stop();
            }
            return own;
        }).summary();
    }

    /** The protocol client on one connection, with no retries: a benchmark reports a failure, never hides it. */
    static ApiClient client(SocketTransport connection) {
        return new ApiClient(connection, Optional.empty(), Retry.never());
    }
}
