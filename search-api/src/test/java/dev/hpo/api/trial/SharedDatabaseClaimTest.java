package dev.hpo.api.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import dev.hpo.trial.Trial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Several services on one database each read the same waiting trials; only the claim in the database decides who
 * gets one. Each {@link WaitingTrials} here stands for one service.
 */
@ApiTest
class SharedDatabaseClaimTest {

    private static final int SERVICES = 4;
    private static final int WORKERS_PER_SERVICE = 4;
    private static final int TRIALS = 200;

    @LocalServerPort
    int port;

    @Autowired
    TrialStore store;

    @Test
    void servicesSharingADatabaseNeverClaimATrialTwice() throws Exception {
        HttpApi api = new HttpApi(port);
        long study = api.createStudy(Specs.minimizeLoss("shared-" + System.nanoTime(), TRIALS, TRIALS));
        for (int i = 0; i < TRIALS; i++) {
            api.post("/api/studies/" + study + "/trials", "{\"parameters\": {\"learningRate\": " + (0.001 + i * 1e-4)
                    + ", \"optimizer\": \"sgd\", \"batchSize\": 64}}");
        }
        List<WaitingTrials> services = new ArrayList<>();
        for (int s = 0; s < SERVICES; s++) {
            services.add(new WaitingTrials(store));
        }
        List<Long> won = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(SERVICES * WORKERS_PER_SERVICE);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < SERVICES * WORKERS_PER_SERVICE; w++) {
            WaitingTrials service = services.get(w % SERVICES);
            String worker = "w" + w;
            workers.add(pool.submit(() -> {
                for (Optional<Trial> next = service.next(study); next.isPresent(); next = service.next(study)) {
                    if (store.update(next.get(), next.get().claim(worker, null, Instant.now()))) {
                        won.add(next.get().id());
                    }
                    service.settle(study, next.get().id());
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();

        assertThat(won).hasSize(TRIALS);
        assertThat(new HashSet<>(won)).hasSize(TRIALS);
        assertThat(api.get("/api/studies/" + study).json().at("/trialCounts/RUNNING").asLong()).isEqualTo(TRIALS);
    }
}
