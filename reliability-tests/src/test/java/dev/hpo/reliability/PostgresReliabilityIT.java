package dev.hpo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.protocol.Problem;
import dev.hpo.protocol.ProtocolJson;
import dev.hpo.protocol.client.ApiException;
import dev.hpo.protocol.client.Transport;
import dev.hpo.reliability.support.Database;
import dev.hpo.reliability.support.Figures;
import dev.hpo.reliability.support.Launch;
import dev.hpo.reliability.support.Ledger;
import dev.hpo.reliability.support.PostgresServer;
import dev.hpo.reliability.support.Studies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The reliability contract on the PostgreSQL the test script starts, and what only a database server can do to
 * the API: go away for a while and come back.
 */
class PostgresReliabilityIT extends ReliabilityContract {

    private static final Duration OUTAGE = Duration.ofSeconds(12);

    @Override
    Database database() {
        Optional<Database> postgres = Database.testPostgres();
        if (postgres.isEmpty()) {
            System.out.println("RELIABILITY skipped PostgreSQL: HPO_TEST_POSTGRES_URL is not set (./scripts/test sets it)");
        }
        Assumptions.assumeTrue(postgres.isPresent(), "HPO_TEST_POSTGRES_URL is not set; run ./scripts/test");
        return postgres.get();
    }

    @Test
    @Order(4)
    void databaseOutageIsAnswered503AndWorkersLoseNothing() throws Exception {
        Optional<PostgresServer> server = PostgresServer.fromEnvironment();
        if (server.isEmpty()) {
            System.out.println("RELIABILITY skipped database-outage: HPO_TEST_POSTGRES_DATA/BIN are not set");
        }
        Assumptions.assumeTrue(server.isPresent(), "HPO_TEST_POSTGRES_DATA and HPO_TEST_POSTGRES_BIN are not set");
        int trials = 60;
        long study = Studies.create(client, Studies.spec(unique("outage"), trials, "10m", 3));
        Ledger ledger = new Ledger();
        long pid = api.pid();
        Thread workers = new Thread(() -> {
            try {
                runWorkers(study, 8, 2, ledger, Duration.ofMinutes(4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        workers.setDaemon(true);
        workers.start();
        awaitCompletions(ledger, 10);

        server.get().stop();
        Instant stopped = Instant.now();
        int completedBeforeOutage = ledger.completions().size();
        List<Transport.Response> probes = new ArrayList<>();
        int unreachable = 0;
        while (Duration.between(stopped, Instant.now()).compareTo(OUTAGE) < 0) {
            try {
                probes.add(client.raw("GET", "api/studies/" + study, null));
            } catch (ApiException e) {
                unreachable++;
            }
            Launch.pause(Duration.ofMillis(250));
        }
        server.get().start();
        double outageSeconds = Duration.between(stopped, Instant.now()).toMillis() / 1000.0;
        workers.join(Duration.ofMinutes(5).toMillis());
        assertThat(workers.isAlive()).as("workers finished the study").isFalse();

        Outcome outcome = Outcome.check(client, study, ledger);
        long probes503 = probes.stream().filter(r -> r.status() == 503).count();
        long probes5xx = probes.stream().filter(r -> r.status() >= 500 && r.status() != 503).count();
        Figures.of("database-outage").with("database", "PostgreSQL").with("outageSeconds", outageSeconds)
                .with("probes", probes.size()).with("probes503", probes503).with("probesOther5xx", probes5xx)
                .with("probesUnreachable", unreachable).with("worker503", ledger.count(503))
                .with("worker500", ledger.count(500)).with("completedBeforeOutage", completedBeforeOutage)
                .with("completedAfter", ledger.completions().size() - completedBeforeOutage)
                .with("acknowledgedMeasurements", ledger.measurements().size())
                .with("missingMeasurements", outcome.missingMeasurements())
                .with("missingCompletions", outcome.missingCompletions())
                .with("apiRestarts", api.pid() == pid ? 0 : 1).with("statuses", ledger.statuses()).print();

        assertThat(api.pid()).as("the same API process serves before and after").isEqualTo(pid);
        assertThat(unreachable).as("probes the API did not answer at all").isZero();
        assertThat(probes503).as("503 answers while the database was away").isPositive();
        assertThat(probes5xx).as("other 5xx answers while the database was away").isZero();
        for (Transport.Response r : probes.stream().filter(r -> r.status() == 503).toList()) {
            Problem problem = ProtocolJson.read(r.body(), Problem.class);
            assertThat(problem.status()).isEqualTo(503);
            assertThat(problem.title()).isNotBlank();
            assertThat(r.text()).doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(ledger.count(500)).as("500 answers to workers").isZero();
        assertThat(ledger.refusals()).isEmpty();
        outcome.assertNothingLost();
        assertThat(outcome.completeTrials()).isEqualTo(trials);
        assertThat(ledger.completions().size() - completedBeforeOutage).isPositive();
    }
}
