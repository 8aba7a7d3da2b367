package dev.hpo.api.trial;

import dev.hpo.protocol.Completion;
import dev.hpo.protocol.Heartbeat;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.Release;
import dev.hpo.protocol.StopDecision;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestions;
import dev.hpo.protocol.TrialView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The worker protocol: usable by our worker, a user's own training script, or curl. */
@RestController
@Tag(name = "worker protocol")
class WorkerController {

    private final WorkerProtocol protocol;
    private final TrialReports reports;

    WorkerController(WorkerProtocol protocol, TrialReports reports) {
        this.protocol = protocol;
        this.reports = reports;
    }

    @PostMapping("/api/studies/{studyId}/suggestions")
    @Operation(operationId = "suggestTrials", summary = "Take trials to run",
            description = "Up to count trials, each with everything needed to run it. A worker asking again gets "
                    + "back the running trials it already holds, so a retried request is safe. No trials means "
                    + "none can run now; studyDone means none ever will.")
    Suggestions suggest(@PathVariable long studyId, @Valid @RequestBody Suggest request) {
        return protocol.suggest(studyId, request);
    }

    @PostMapping("/api/trials/{trialId}/measurements")
    @Operation(operationId = "reportMeasurement", summary = "Report a measurement",
            description = "One point of the trial's learning curve, which also counts as a heartbeat; a step "
                    + "reported again is stored once. The answer says whether to stop: early stopping pruned the "
                    + "trial, its study ended, or it is no longer this worker's.")
    StopDecision measure(@PathVariable long trialId, @Valid @RequestBody MeasurementReport request) {
        return reports.measure(trialId, request);
    }

    @PostMapping("/api/trials/{trialId}/heartbeat")
    @Operation(operationId = "sendHeartbeat", summary = "Send a heartbeat",
            description = "A sign of life for a running trial; the body may be left out. The answer says whether "
                    + "to stop, as for a measurement.")
    StopDecision heartbeat(@PathVariable long trialId, @Valid @RequestBody(required = false) Heartbeat request) {
        return reports.heartbeat(trialId, request);
    }

    @PostMapping("/api/trials/{trialId}/complete")
    @Operation(operationId = "completeTrial", summary = "Complete a trial",
            description = "With its final metrics, or failed with a reason. A trial told to stop ends PRUNED or "
                    + "STOPPED; otherwise COMPLETE or FAILED. Repeating a completion changes nothing.")
    @ApiResponse(responseCode = "200", description = "The trial as it ended.")
    @ApiResponse(responseCode = "409", description = "The trial already ended otherwise, was taken back from a "
            + "silent worker, or another worker holds it.")
    TrialView complete(@PathVariable long trialId, @Valid @RequestBody Completion request) {
        return reports.complete(trialId, request);
    }

    /** A worker that shuts down hands its trial back, so another worker can run it without waiting for a timeout. */
    @PostMapping("/api/trials/{trialId}/release")
    @Operation(operationId = "releaseTrial", summary = "Hand a trial back",
            description = "A worker shutting down gives its running trial back at once, instead of leaving it to "
                    + "the heartbeat timeout: it waits again, measurements kept, or ends as it was told to stop.")
    @ApiResponse(responseCode = "200", description = "The trial as it is now.")
    @ApiResponse(responseCode = "409", description = "The trial is not running, or another worker holds it.")
    TrialView release(@PathVariable long trialId, @Valid @RequestBody Release request) {
        return reports.release(trialId, request.workerId());
    }
}
