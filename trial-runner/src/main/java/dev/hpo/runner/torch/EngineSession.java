package dev.hpo.runner.torch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.arch.ArchitectureCost;
import dev.hpo.runner.engine.Measurement;
import dev.hpo.runner.engine.TrainingListener;
import dev.hpo.runner.engine.TrialClock;
import dev.hpo.runner.engine.TrialResult;
import dev.hpo.runner.engine.TrialStatus;
import dev.hpo.trial.TrialPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Follows one trial in the engine's Python process: each measurement goes to the listener, whose answer goes back
 * (go on, or stop); the result event becomes the {@link TrialResult}. A process that reports an error, dies, builds
 * another network than the cost model counts, or is still running past the cap plus {@link #GRACE} ends the trial
 * as failed, with the reason.
 */
final class EngineSession {

    /** How long past its cap a silent engine may run before it is killed: it paces itself to end within the cap. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(500);

    /** A failed result for a reason. */
    @FunctionalInterface
    interface Failure {
        TrialResult of(String reason);
    }

    private final String engine;
    private final EngineProcess process;
    private final TrialPlan plan;
    private final ArchitectureCost cost;
    private final TrainingListener listener;
    private final TrialClock clock;
    private final List<Measurement> curve = new ArrayList<>();

    EngineSession(String engine, EngineProcess process, TrialPlan plan, ArchitectureCost cost,
                  TrainingListener listener, TrialClock clock) {
        this.engine = engine;
        this.process = process;
        this.plan = plan;
        this.cost = cost;
        this.listener = listener;
        this.clock = clock;
    }

    TrialResult run() throws InterruptedException {
        double limit = plan.timeCap().plus(GRACE).toNanos() / 1e9;
        while (true) {
            double left = limit - clock.elapsedSeconds();
            if (left <= 0) {
                process.kill();
                return failed(String.format(Locale.ROOT, "the pytorch engine was still running %.0f s past the time"
                        + " cap of %.1f s: killed", GRACE.toSeconds(), plan.timeCap().toNanos() / 1e9));
            }
            Optional<JsonNode> next = process.next(POLL.compareTo(Duration.ofNanos((long) (left * 1e9))) < 0 ? POLL
                    : Duration.ofNanos((long) (left * 1e9)));
            if (next.isEmpty()) {
                if (process.finished()) {
                    return failed(process.crashReason());
                }
                continue;
            }
            JsonNode event = next.get();
            switch (event.path("event").asText()) {
                case "ready" -> {
                    if (event.path("macs").asLong() != cost.macs() || event.path("params").asLong() != cost.params()) {
                        process.kill();
                        return failed("the pytorch engine built a network of " + event.path("macs").asLong()
                                + " MACs and " + event.path("params").asLong() + " parameters, but the cost model"
                                + " counts " + cost.macs() + " and " + cost.params());
                    }
                }
                case "measurement" -> {
                    Measurement measurement = measurement(event);
                    curve.add(measurement);
                    process.answer(listener.onMeasurement(measurement) ? "go" : "stop");
                }
                case "result" -> {
                    return result(event);
                }
                case "error" -> {
                    String reason = event.path("reason").asText("the pytorch engine failed");
                    return failed("torch-missing".equals(event.path("kind").asText())
                            ? reason + ". " + TorchPython.fix() : reason);
                }
                default -> {
                    // An event of a newer engine this side does not know: nothing to do with it.
                }
            }
        }
    }

    static TrialResult failed(String engine, String reason, ArchitectureCost cost, TrialClock clock) {
        return new TrialResult(engine, TrialStatus.FAILED, Optional.of(reason), Double.NaN, 0, false, 0, cost.macs(),
                cost.params(), 0, 0, clock.elapsedSeconds(), 0, 0, Double.NaN, List.of());
    }

    private TrialResult failed(String reason) {
        return new TrialResult(engine, TrialStatus.FAILED, Optional.of(reason), Double.NaN, 0, false, 0, cost.macs(),
                cost.params(), 0, 0, clock.elapsedSeconds(), 0, 0, Double.NaN, curve);
    }

    private static Measurement measurement(JsonNode e) {
        return new Measurement(e.path("epoch").asInt(), e.path("step").asLong(), e.path("elapsedSeconds").asDouble(),
                number(e, "trainLoss"), e.path("validationAccuracy").asDouble(), e.path("validationImages").asInt());
    }

    private TrialResult result(JsonNode e) {
        TrialStatus status = TrialStatus.valueOf(e.path("status").asText());
        Optional<String> failure = e.hasNonNull("failure") ? Optional.of(e.get("failure").asText()) : Optional.empty();
        return new TrialResult(engine, status, failure, number(e, "accuracy"), e.path("validationImages").asInt(),
                e.path("flipAveraged").asBoolean(), e.path("scoredAtStep").asLong(), cost.macs(), cost.params(),
                e.path("epochs").asInt(), e.path("steps").asLong(), e.path("wallSeconds").asDouble(),
                e.path("trainSeconds").asDouble(), e.path("imagesPerSecond").asDouble(), number(e, "finalLoss"), curve);
    }

    /** A number the engine may have written as null because it was not finite. */
    private static double number(JsonNode event, String field) {
        return event.hasNonNull(field) ? event.get(field).asDouble() : Double.NaN;
    }
}
