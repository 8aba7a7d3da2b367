package dev.hpo.api.trial;

import dev.hpo.protocol.Completion;
import dev.hpo.protocol.Heartbeat;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.Release;
import dev.hpo.protocol.StopDecision;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestions;
import dev.hpo.protocol.TrialView;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The worker protocol: usable by our worker, a user's own training script, or curl. */
@RestController
class WorkerController {

    private final WorkerProtocol protocol;
    private final TrialReports reports;

    WorkerController(WorkerProtocol protocol, TrialReports reports) {
        this.protocol = protocol;
        this.reports = reports;
    }

    @PostMapping("/api/studies/{studyId}/suggestions")
    Suggestions suggest(@PathVariable long studyId, @Valid @RequestBody Suggest request) {
        return protocol.suggest(studyId, request);
    }

    @PostMapping("/api/trials/{trialId}/measurements")
    StopDecision measure(@PathVariable long trialId, @Valid @RequestBody MeasurementReport request) {
        return reports.measure(trialId, request);
    }

    @PostMapping("/api/trials/{trialId}/heartbeat")
    StopDecision heartbeat(@PathVariable long trialId, @Valid @RequestBody(required = false) Heartbeat request) {
        return reports.heartbeat(trialId, request);
    }

    @PostMapping("/api/trials/{trialId}/complete")
    TrialView complete(@PathVariable long trialId, @Valid @RequestBody Completion request) {
        return reports.complete(trialId, request);
    }

    /** A worker that shuts down hands its trial back, so another worker can run it without waiting for a timeout. */
    @PostMapping("/api/trials/{trialId}/release")
    TrialView release(@PathVariable long trialId, @Valid @RequestBody Release request) {
        return reports.release(trialId, request.workerId());
    }
}
