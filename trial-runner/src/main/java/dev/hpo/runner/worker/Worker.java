package dev.hpo.runner.worker;

import dev.hpo.protocol.ProtocolJson;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.Suggestions;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.ApiException;
import dev.hpo.study.StudyState;
import dev.hpo.trial.TrialState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The worker loop: ask for a trial, run it in its own process, report it, repeat. It serves one study or every
 * running study, and stops when its study is done or when told to ({@link #stop}), handing back the trial it holds.
 */
final class Worker {

    private final ApiClient client;
    private final Outbox outbox;
    private final TrialCommand command;
    private final WorkerSettings settings;
    private final Consumer<String> log;
    private static final Duration UNREACHABLE_BACKOFF = Duration.ofSeconds(30);

    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private int completed;

    Worker(ApiClient client, Outbox outbox, TrialCommand command, WorkerSettings settings, Consumer<String> log) {
        this.client = client;
        this.outbox = outbox;
        this.command = command;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Runs until stopped, or until the one study it serves is done.
     *
     * @return the number of trials this worker ran to an end (not those it handed back)
     * @throws ApiException when the API refuses the worker itself (a wrong token, an unknown study)
     */
    int run() throws InterruptedException {
        try {
            log.accept("worker " + settings.workerId() + " serving " + settings.study().map(s -> "study " + s)
                    .orElse("every running study") + " at " + client.base());
            Duration idle = settings.idlePoll();
            while (!stopping) {
                Optional<Suggestion> trial;
                try {
                    trial = nextTrial();
                    idle = settings.idlePoll();
                } catch (ApiException e) {
                    if (e.refused()) {
                        throw e;
                    }
                    log.accept(e.getMessage() + "; asking again in " + idle.toSeconds() + " s");
                    sleep(idle);
                    idle = idle.multipliedBy(2).compareTo(UNREACHABLE_BACKOFF) > 0 ? UNREACHABLE_BACKOFF
                            : idle.multipliedBy(2);
                    continue;
                }
                if (trial.isEmpty()) {
                    sleep(idle);
                    continue;
                }
                Suggestion t = trial.get();
                log.accept("trial " + t.id() + " of study " + t.studyId() + ": parameters "
                        + ProtocolJson.write(t.parameters()) + ", cap " + t.timeCap().toSeconds() + " s");
                TrialOutcome outcome = new TrialExecution(t, command, settings, outbox, () -> stopping, log).run();
                if (!(outcome instanceof TrialOutcome.Abandoned)) {
                    completed++;
                }
                if (!outbox.awaitEmpty(stopping ? settings.shutdownGrace() : Duration.ofDays(365))) {
                    log.accept("the API did not take every report before shutdown");
                }
            }
            return completed;
        } finally {
            finished.countDown();
        }
    }

    /** Asks the loop to end: the running trial is killed and handed back. Safe from a shutdown hook. */
    void stop() {
        stopping = true;
    }

    /** Waits for the loop to end after {@link #stop}. */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A request for one trial, saying which engine will train it. */
    private Suggest asking() {
        return Suggest.of(settings.workerId(), 1, command.engine().orElse(null));
    }

    private Optional<Suggestion> nextTrial() {
        if (settings.study().isPresent()) {
            Suggestions s = client.suggest(settings.study().get(), asking());
            if (s.trials().isEmpty() && s.studyDone()) {
                log.accept("study " + settings.study().get() + " is done");
                stopping = true;
            }
            return s.trials().stream().findFirst();
        }
        for (long study : runningStudies()) {
            try {
                Optional<Suggestion> trial = client.suggest(study, asking()).trials()
                        .stream().findFirst();
                if (trial.isPresent()) {
                    return trial;
                }
            } catch (ApiException e) {
                if (!e.isNotFound() && !e.isConflict()) {
                    throw e;
                }
                // The study finished or was removed since the list was read.
            }
        }
        return Optional.empty();
    }

    /**
     * The studies with work, oldest first as the API lists them: those still searching, and finished ones whose
     * confirmation runs wait (a finished study's waiting trials are only ever those).
     */
    private List<Long> runningStudies() {
        return client.studies().stream()
                .filter(s -> s.state() == StudyState.RUNNING
                        || s.trialCounts().getOrDefault(TrialState.WAITING, 0L) > 0)
                .map(StudyView::id).toList();
    }

    private void sleep(Duration idle) throws InterruptedException {
        long until = System.nanoTime() + idle.toNanos();
        while (!stopping && System.nanoTime() < until) {
            Thread.sleep(Math.min(200, idle.toMillis()));
        }
    }
}
