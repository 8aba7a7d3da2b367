package dev.hpo.runner.worker;

import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The trials a worker runs at once, each in a slot of its own: a worker loop with its own worker id (the API hands
 * a worker id back the trials it holds, so two slots must not share one), its own outbox and so its own reports,
 * and one trial process at a time under its own cap. Slots share the device: several small trials keep one large
 * GPU busy where one alone would leave most of it idle.
 */
final class WorkerSlots implements AutoCloseable {

    private final List<Worker> workers = new ArrayList<>();
    private final List<Outbox> outboxes = new ArrayList<>();

    /**
     * @param outbox makes the outbox of a slot's worker id
     */
    WorkerSlots(int slots, ApiClient asking, Function<String, Outbox> outbox, TrialCommand command,
                WorkerSettings settings, Consumer<String> log) {
        if (slots < 1) {
            throw new IllegalArgumentException("--slots must be at least 1, got " + slots);
        }
        for (String id : ids(settings.workerId(), slots)) {
            Outbox slotOutbox = outbox.apply(id);
            outboxes.add(slotOutbox);
            WorkerSettings slotSettings = new WorkerSettings(id, settings.study(), settings.capGrace(),
                    settings.setupLimit(), settings.idlePoll(), settings.shutdownGrace(), settings.maxArtifactBytes());
            workers.add(new Worker(asking, slotOutbox, command, slotSettings, log));
        }
    }

    /** The worker ids of {@code slots} slots: the worker's own for one slot, numbered after it for more. */
    static List<String> ids(String workerId, int slots) {
        if (slots == 1) {
            return List.of(workerId);
        }
        List<String> ids = new ArrayList<>();
        for (int slot = 1; slot <= slots; slot++) {
            ids.add(workerId + "-s" + slot);
        }
        return ids;
    }

    /**
     * Runs every slot until each is stopped or its study is done.
     *
     * @return the trials the slots ran to an end
     * @throws ApiException when the API refuses the worker (every slot is then stopped)
     */
    int run() throws InterruptedException {
        int[] completed = new int[workers.size()];
        AtomicReference<RuntimeException> refused = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            int slot = i;
            Thread thread = new Thread(() -> {
                try {
                    completed[slot] = workers.get(slot).run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    refused.compareAndSet(null, e);
                    stop();
                }
            }, "slot-" + (slot + 1));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (refused.get() != null) {
            throw refused.get();
        }
        int total = 0;
        for (int count : completed) {
            total += count;
        }
        return total;
    }

    /** Asks every slot to end: running trials are killed and handed back. Safe from a shutdown hook. */
    void stop() {
        workers.forEach(Worker::stop);
    }

    /** Waits for every slot's loop to end after {@link #stop}; false when {@code timeout} passed first. */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Worker worker : workers) {
            if (!worker.awaitFinished(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    /** Stops sending: what the outboxes still hold is dropped, and said so in the log. */
    @Override
    public void close() {
        outboxes.forEach(Outbox::close);
    }
}
