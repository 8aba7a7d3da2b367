package dev.hpo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.protocol.Completion;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.TrialView;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.reliability.support.ApiServer;
import dev.hpo.reliability.support.Database;
import dev.hpo.reliability.support.Figures;
import dev.hpo.reliability.support.HoldingWorker;
import dev.hpo.reliability.support.Launch;
import dev.hpo.reliability.support.Ledger;
import dev.hpo.reliability.support.ProtocolWorker;
import dev.hpo.reliability.support.Studies;
import dev.hpo.trial.TrialState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What must hold on every database the API supports, each test against one API process started for the class:
 * concurrent claims, a worker killed mid-trial, and the API itself killed mid-study.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ReliabilityContract {

    static final String TOKEN = "reliability-suite-token";

    private static final int WORKERS = 32;
    private static final int CLAIMS = 2_000;

    ApiServer api;
    ApiClient client;
    private Database database;

    /** The database under test; a subclass skips the whole class, saying why, when it is not available. */
    abstract Database database();

    @BeforeAll
    void startApi() {
        database = database();
        // The reaper looks for silent workers every second, so a killed worker's trial returns quickly.
        api = ApiServer.start(database, TOKEN, getClass().getSimpleName(), Map.of("HPO_API_REAPER_INTERVAL", "1s"));
        client = api.client();
    }

    @AfterAll
    void stopApi() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    @Order(1)
    void concurrentWorkersNeverShareATrialAndLoseNone() throws InterruptedException {
        long study = Studies.create(client, Studies.spec(unique("claims"), CLAIMS, "10m", 3));
        Ledger ledger = new Ledger();
        Instant started = Instant.now();
        runWorkers(study, WORKERS, 0, ledger, Duration.ofMinutes(4));
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;

        List<TrialView> trials = client.allTrials(study, null);
        Map<Long, String> holders = ledger.holders();
        long notComplete = trials.stream().filter(t -> t.state() != TrialState.COMPLETE).count();
        long wrongHolder = trials.stream().filter(t -> !Objects.equals(t.workerId(), holders.get(t.id()))).count();
        long lost = notComplete + holders.keySet().stream()
                .filter(id -> trials.stream().noneMatch(t -> t.id() == id)).count();
        Figures.of("concurrent-claims").with("database", database.name()).with("workers", WORKERS)
                .with("claims", ledger.claims()).with("distinctTrials", holders.size())
                .with("duplicates", ledger.duplicates() + wrongHolder).with("lost", lost)
                .with("seconds", seconds).with("claimsPerSecond", Math.round(ledger.claims() / seconds))
                .with("statuses", ledger.statuses()).print();

        assertThat(ledger.refusals()).isEmpty();
        assertThat(ledger.duplicates()).as("trials handed to two workers").isZero();
        assertThat(wrongHolder).as("trials stored under another worker than the one that got them").isZero();
        assertThat(holders.size()).as("distinct trials handed out").isEqualTo(CLAIMS);
        assertThat(trials.size()).as("trials the study holds").isEqualTo(CLAIMS);
        assertThat(lost).as("claimed trials that did not end COMPLETE").isZero();
        assertThat(ledger.statuses().keySet()).allMatch(status -> status < 500);
    }

    @Test
    @Order(2)
    void killedWorkersTrialIsRequeuedAndFinishedByAnother() throws Exception {
        // One trial only: the survivor can get nothing but the killed worker's trial, once it is requeued.
        long study = Studies.create(client, Studies.spec(unique("worker-kill"), 1, "2s", 2));
        Process doomed = HoldingWorker.start(api.base(), TOKEN, study, "doomed");
        long trialId;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(doomed.getInputStream()))) {
            String line = out.readLine();
            assertThat(line).as("the holding worker's report").startsWith(HoldingWorker.HOLDING);
            trialId = Long.parseLong(line.substring(HoldingWorker.HOLDING.length()).trim());
        } finally {
            // SIGKILL, as for a crashed worker or an evicted pod.
            doomed.destroyForcibly();
        }
        assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Instant killed = Instant.now();

        Suggestion handedBack = null;
        int polls = 0;
        while (handedBack == null && Duration.between(killed, Instant.now()).toSeconds() < 60) {
            polls++;
            List<Suggestion> trials = client.suggest(study, Suggest.of("survivor", 1)).trials();
            if (trials.isEmpty()) {
                Launch.pause(Duration.ofMillis(200));
            } else {
                handedBack = trials.get(0);
            }
        }
        double requeueSeconds = Duration.between(killed, Instant.now()).toMillis() / 1000.0;
        assertThat(handedBack).as("the killed worker's trial handed to another worker within 60 s").isNotNull();
        assertThat(handedBack.id()).isEqualTo(trialId);
        assertThat(handedBack.attempt()).isEqualTo(2);
        client.measure(trialId, MeasurementReport.of(1, 1.0, Map.of("loss", 0.5)).by("survivor"));
        client.complete(trialId, Completion.of(Map.of("loss", 0.4), "survivor"));

        TrialView trial = client.trial(trialId);
        Figures.of("worker-kill").with("database", database.name()).with("trial", trialId)
                .with("requeuedAfterSeconds", requeueSeconds).with("polls", polls)
                .with("attempts", trial.attempts())
                .with("measurementsKept", trial.measurements().size()).print();
        assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial.workerId()).isEqualTo("survivor");
        assertThat(trial.metrics().get("loss")).isEqualTo(0.4);
        assertThat(trial.measurements()).as("the killed worker's measurement is kept")
                .anySatisfy(m -> {
                    assertThat(m.attempt()).isEqualTo(1);
                    assertThat(m.metrics().get("loss")).isEqualTo(0.9);
                })
                .anySatisfy(m -> assertThat(m.attempt()).isEqualTo(2));
    }

    @Test
    @Order(3)
    void killedApiKeepsEveryAcknowledgedReportAndTheStudyContinues() throws InterruptedException {
        int trials = 60;
        long study = Studies.create(client, Studies.spec(unique("api-kill"), trials, "10m", 3));
        Ledger ledger = new Ledger();
        long pidBefore = api.pid();
        Thread workers = new Thread(() -> {
            try {
                runWorkers(study, 4, 3, ledger, Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        workers.setDaemon(true);
        workers.start();
        awaitCompletions(ledger, 15);
        api.killHard();
        Instant killed = Instant.now();
        int completedBeforeKill = ledger.completions().size();
        api.restart();
        double downSeconds = Duration.between(killed, Instant.now()).toMillis() / 1000.0;
        workers.join(Duration.ofMinutes(6).toMillis());
        assertThat(workers.isAlive()).as("workers finished the study").isFalse();

        Outcome outcome = Outcome.check(client, study, ledger);
        Figures.of("api-kill").with("database", database.name()).with("restartsSurvived", 1)
                .with("downSeconds", downSeconds).with("pidBefore", pidBefore).with("pidAfter", api.pid())
                .with("completedBeforeKill", completedBeforeKill)
                .with("completedAfterRestart", ledger.completions().size() - completedBeforeKill)
                .with("acknowledgedMeasurements", ledger.measurements().size())
                .with("acknowledgedCompletions", ledger.completions().size())
                .with("missingMeasurements", outcome.missingMeasurements())
                .with("missingCompletions", outcome.missingCompletions())
                .with("duplicates", ledger.duplicates()).with("workerRetries", ledger.connectionFailures())
                .with("statuses", ledger.statuses()).print();

        assertThat(ledger.refusals()).isEmpty();
        outcome.assertNothingLost();
        assertThat(ledger.completions().size() - completedBeforeKill).as("trials completed after the restart")
                .isPositive();
        assertThat(outcome.completeTrials()).isEqualTo(trials);
        assertThat(ledger.duplicates()).isZero();
        assertThat(ledger.count(500)).isZero();
    }

    /** Runs COUNT protocol workers on STUDY until it is done, and waits for them. */
    void runWorkers(long study, int count, int measurementsPerTrial, Ledger ledger, Duration limit)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ProtocolWorker worker = new ProtocolWorker(api, study, "worker-" + i, measurementsPerTrial, ledger,
                    deadline);
            Thread thread = new Thread(worker, "protocol-worker-" + i);
            // A failed test must not leave workers that keep the test JVM alive.
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(limit.plusSeconds(30).toMillis());
        }
    }

    static void awaitCompletions(Ledger ledger, int completions) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (ledger.completions().size() < completions) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("workers completed only " + ledger.completions().size() + " trials in 120 s: "
                        + ledger.refusals());
            }
            Launch.pause(Duration.ofMillis(50));
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
