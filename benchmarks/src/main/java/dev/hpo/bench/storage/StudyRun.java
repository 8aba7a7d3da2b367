package dev.hpo.bench.storage;

import dev.hpo.protocol.Completion;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.Suggestions;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.Retry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One study run to its end by clients acting as workers over the protocol client: each takes a trial, reports one
 * measurement per step, stops when told to, and completes it. A trial's value grows with its number, so later trials
 * beat earlier ones and early stopping, which is asked after every report, rarely stops one: every trial reports
 * (nearly) all its steps.
 *
 * @param early report latencies of trials numbered from 100 (or a third of the study) on, a hundred of them
 * @param late report latencies of the study's last hundred trials (or its last third)
 */
record StudyRun(LatencySample early, LatencySample late, int pruned, double seconds) {

    /**
     * Three floats: the search counts floats closer than its tolerance as the same configuration, so one float holds
     * about a thousand distinct ones, fewer than the study's trials.
     */
    private static final String SPEC = """
            {
              "name": "bench-storage",
              "objectives": [{"metric": "val_accuracy", "goal": "MAXIMIZE"}],
              "algorithm": {"name": "RANDOM", "earlyStopping": {"rule": "ASHA", "metric": "val_accuracy"}},
              "budget": {"maxTrials": %d, "parallelism": %d},
              "trialSettings": {"timeCap": "%ds", "heartbeatTimeout": "10m"},
              "parameters": [{"name": "x", "type": "float", "min": 0.0, "max": 1.0},
                             {"name": "y", "type": "float", "min": 0.0, "max": 1.0},
                             {"name": "z", "type": "float", "min": 0.0, "max": 1.0}],
              "seed": 1
            }
            """;

    static StudyRun of(String base, int trials, int steps, int clients) throws Exception {
        ApiClient api = ApiClient.http(ApiClient.address(base), Optional.empty(), Retry.never());
        long study = api.createStudy(SPEC.formatted(trials, clients, steps)).id();
        int window = Math.min(100, Math.max(1, trials / 3));
        int earlyFrom = Math.min(100, trials / 3);
        LatencySample early = new LatencySample();
        LatencySample late = new LatencySample();
        AtomicInteger pruned = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String worker = "bench-storage-" + c;
                workers.add(pool.submit(() -> {
                    for (Suggestions s = api.suggest(study, Suggest.of(worker, 1)); !s.trials().isEmpty();
                         s = api.suggest(study, Suggest.of(worker, 1))) {
                        Suggestion trial = s.trials().get(0);
                        LatencySample sample = trial.number() >= earlyFrom && trial.number() < earlyFrom + window
                                ? early : trial.number() >= trials - window ? late : null;
                        if (train(api, trial, steps, worker, sample)) {
                            pruned.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new StudyRun(early, late, pruned.get(), (System.nanoTime() - start) / 1e9);
    }

    /** Reports the trial's steps, then completes it; true when it was told to stop first. */
    private static boolean train(ApiClient api, Suggestion trial, int steps, String worker, LatencySample sample) {
        double value = 0;
        for (int step = 1; step <= steps; step++) {
            // Rises with the trial's number and its step, to one at the last step of the last trial.
            value = (trial.number() + 1.0) / (trial.number() + 2.0) * step / steps;
            long sent = System.nanoTime();
            // The time cap is one second per step, so early stopping's fractions of it fall on steps.
            boolean stop = api.measure(trial.id(), new MeasurementReport((long) step, (double) step,
                    Map.of("val_accuracy", value), worker)).shouldStop();
            if (sample != null) {
                sample.add((System.nanoTime() - sent) / 1e6);
            }
            if (stop) {
                api.complete(trial.id(), Completion.of(Map.of("val_accuracy", value), worker));
                return true;
            }
        }
        api.complete(trial.id(), Completion.of(Map.of("val_accuracy", value), worker));
        return false;
    }
}
