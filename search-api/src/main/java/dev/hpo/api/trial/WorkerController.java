package dev.hpo.api.trial;

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
    TrialViews.Suggestions suggest(@PathVariable long studyId, @Valid @RequestBody WorkerRequests.Suggest request) {
        return protocol.suggest(studyId, request.workerId(), request.countOrOne());
    }

    @PostMapping("/api/trials/{trialId}/measurements")
    TrialViews.StopDecision measure(@PathVariable long trialId, @Valid @RequestBody WorkerRequests.Measure request) {
        return reports.measure(trialId, request);
    }

    @PostMapping("/api/trials/{trialId}/heartbeat")
    TrialViews.StopDecision heartbeat(@PathVariable long trialId,
                                      @Valid @RequestBody(required = false) WorkerRequests.Heartbeat request) {
        return reports.heartbeat(trialId, request);
    }

    @PostMapping("/api/trials/{trialId}/complete")
    TrialViews.Trial complete(@PathVariable long trialId, @Valid @RequestBody WorkerRequests.Complete request) {
        return reports.complete(trialId, request);
    }

    /** A worker that shuts down hands its trial back, so another worker can run it without waiting for a timeout. */
    @PostMapping("/api/trials/{trialId}/release")
    TrialViews.Trial release(@PathVariable long trialId, @Valid @RequestBody WorkerRequests.Release request) {
        return reports.release(trialId, request.workerId());
    }
}
