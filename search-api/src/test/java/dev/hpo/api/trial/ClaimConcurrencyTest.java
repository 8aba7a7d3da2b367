package dev.hpo.api.trial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Many workers asking at once: every trial goes to exactly one of them and the budget is never exceeded. */
@ApiTest
class ClaimConcurrencyTest {

    private static final int WORKERS = 24;
    private static final int TRIALS = 300;

    @LocalServerPort
    int port;

    @Test
    void concurrentWorkersNeverClaimATrialTwiceNorExceedTheBudget() throws Exception {
        HttpApi api = new HttpApi(port);
        long study = api.createStudy(Specs.minimizeLoss("claims-" + System.nanoTime(), TRIALS, TRIALS));
        // A few enqueued trials too, so the waiting pool and the sampler are both raced for.
        for (int i = 0; i < 20; i++) {
            api.post("/api/studies/" + study + "/trials", "{\"parameters\": {\"learningRate\": 0.0" + (i + 10)
                    + ", \"optimizer\": \"sgd\", \"batchSize\": 64}}");
        }
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            Callable<Integer> loop = () -> {
                int requests = 0;
                while (true) {
                    // A fresh worker id per request, so nobody gets a held trial back and every answer is a claim.
                    JsonNode reply = api.suggest(study, "w" + worker + "-" + requests++, 2);
                    if (reply.get("trials").isEmpty()) {
                        return requests;
                    }
                    reply.get("trials").forEach(t -> claimed.add(t.get("id").asLong()));
                }
            };
            workers.add(pool.submit(loop));
        }
        for (Future<Integer> f : workers) {
            f.get();
        }
        pool.shutdown();

        Set<Long> distinct = new HashSet<>(claimed);
        assertThat(claimed).hasSize(TRIALS);
        assertThat(distinct).hasSize(TRIALS);
        JsonNode status = api.get("/api/studies/" + study).json();
        assertThat(status.get("trialsCreated").asLong()).isEqualTo(TRIALS);
        assertThat(status.at("/trialCounts/RUNNING").asLong()).isEqualTo(TRIALS);
        assertThat(status.at("/trialCounts/WAITING").asLong()).isZero();
        JsonNode page = api.get("/api/studies/" + study + "/trials?size=1000").json();
        page.get("items").forEach(t -> assertThat(t.get("attempts").asInt()).isEqualTo(1));
    }
}
