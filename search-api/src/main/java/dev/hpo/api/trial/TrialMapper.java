package dev.hpo.api.trial;

import dev.hpo.api.study.StudyCatalog;
import dev.hpo.protocol.MeasurementView;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.TrialView;
import dev.hpo.study.Fidelity;
import dev.hpo.trial.Trial;
import java.util.List;
import org.springframework.stereotype.Component;

/** Trials, as the store holds them, to the records the API answers with. */
@Component
class TrialMapper {

    /** A trial without its measurements or progress, as worker answers show it. */
    TrialView trial(Trial t) {
        return view(t, null, null);
    }

    /** A trial with its progress in the study's fidelity unit, null before its latest attempt measured anything. */
    TrialView trial(Trial t, Double progress) {
        return view(t, progress, null);
    }

    /**
     * A trial with every measurement of every attempt, as the trial's own page shows it.
     *
     * @param t the trial with its latest attempt's measurements, the last of which is its progress
     */
    TrialView trial(Trial t, Fidelity fidelity, List<RecordedMeasurement> measurements) {
        return view(t, t.lastMeasurement().map(fidelity::position).orElse(null),
                measurements.stream().map(TrialMapper::measurement).toList());
    }

    Suggestion suggestion(Trial t, StudyCatalog.ParsedStudy study) {
        var settings = study.spec().trialSettings();
        return new Suggestion(t.id(), t.studyId(), t.number(), t.configKey(), t.repeat(), t.attempts(),
                t.confirmation(), t.parameters().values(), study.spec().seed(), settings.timeCap().toMillis() / 1000.0,
                settings.heartbeatTimeout().toMillis() / 1000.0, study.spec().fidelity(), study.trialSettingsJson(),
                study.spec().artifacts().keepsAny() && !t.confirmation());
    }

    private static TrialView view(Trial t, Double progress, List<MeasurementView> measurements) {
        return new TrialView(t.id(), t.studyId(), t.number(), t.configKey(), t.repeat(), t.state(),
                t.enqueued(), t.confirmation(), t.parameters().values(), t.metrics(), t.workerId(), t.engine(), t.attempts(),
                t.failureReason(), t.stopRequested(), t.createdAt(), t.startedAt(), t.finishedAt(), t.heartbeatAt(),
                progress, measurements);
    }

    private static MeasurementView measurement(RecordedMeasurement m) {
        return new MeasurementView(m.attempt(), m.measurement().step(), m.measurement().elapsedSeconds(),
                m.measurement().metrics(), m.reportedAt());
    }
}
