package dev.hpo.bench.optimizer.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.protocol.Completion;
import dev.hpo.protocol.Heartbeat;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.Suggestions;
import dev.hpo.protocol.client.ApiClient;
import java.util.Map;
import java.util.Optional;

/**
 * A study behind the search API, driven through the protocol client as a worker drives one: suggestions, a
 * measurement per step answered with whether to stop, a completion with the last metrics. The service decides
 * everything: which configuration comes next and whether a trial is pruned.
 */
public final class RestStudy implements Study {

    private final ApiClient api;
    private final long studyId;
    private final String metric;
    private final String workerId;
    /** The trial this worker holds, when it started and its last reported value, until it completes. */
    private Suggested held;
    private long heldSince;
    private Double lastValue;

    private RestStudy(ApiClient api, long studyId, String metric, String workerId) {
        this.api = api;
        this.studyId = studyId;
        this.metric = metric;
        this.workerId = workerId;
    }

    /**
     * Creates the study from its spec.
     *
     * @param metric the metric every measurement and completion reports
     */
    public static RestStudy create(ApiClient api, String spec, String metric, String workerId) {
        return new RestStudy(api, api.createStudy(spec).id(), metric, workerId);
    }

    /** The study's id in the service. */
    public long id() {
        return studyId;
    }

    /** The study's spec as the service holds it, every default spelled out. */
    public JsonNode spec() {
        return api.study(studyId).spec();
    }

    @Override
    public Optional<Suggested> suggest() {
        Suggestions answer = api.suggest(studyId, Suggest.of(workerId, 1));
        if (answer.trials().isEmpty()) {
            return Optional.empty();
        }
        Suggestion trial = answer.trials().get(0);
        held = new Suggested(trial.id(), trial.parameters());
        heldSince = System.nanoTime();
        lastValue = null;
        return Optional.of(held);
    }

    @Override
    public boolean measure(Suggested trial, long step, double value) {
        lastValue = value;
        double elapsed = (System.nanoTime() - heldSince) / 1e9;
        return api.measure(trial.id(), MeasurementReport.of(step, elapsed, Map.of(metric, value)).by(workerId))
                .shouldStop();
    }

    @Override
    public void complete(Suggested trial, double value) {
        api.complete(trial.id(), Completion.of(Map.of(metric, value), workerId));
        held = null;
    }

    /** Stops the study; a trial still held learns of it from a heartbeat, as a worker would, and ends STOPPED. */
    @Override
    public void end() {
        api.stopStudy(studyId);
        if (held != null) {
            api.heartbeat(held.id(), new Heartbeat(workerId));
            api.complete(held.id(), Completion.of(lastValue == null ? Map.of() : Map.of(metric, lastValue),
                    workerId));
            held = null;
        }
    }
}
