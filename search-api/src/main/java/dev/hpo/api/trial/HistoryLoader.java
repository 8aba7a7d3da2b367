package dev.hpo.api.trial;

import dev.hpo.optimizer.StudyHistory;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Builds a study's trials as domain values from the database: the optimizer's view of the study, so a restarted
 * service continues where it was, and what the ranking reads.
 */
@Component
class HistoryLoader {

    private final TrialRepository trials;
    private final MeasurementRepository measurements;
    private final JsonColumns columns;

    HistoryLoader(TrialRepository trials, MeasurementRepository measurements, JsonColumns columns) {
        this.trials = trials;
        this.measurements = measurements;
        this.columns = columns;
    }

    StudyHistory load(long studyId, StudySpec spec) {
        List<TrialEntity> rows = trials.findByStudyIdOrderByNumberAsc(studyId);
        Map<Long, Integer> attempts = new HashMap<>();
        rows.forEach(t -> attempts.put(t.getId(), t.getAttempts()));
        // Only the latest attempt's measurements describe the run a pruner compares; earlier attempts stay stored.
        Map<Long, List<Measurement>> byTrial = new HashMap<>();
        for (MeasurementEntity m : measurements.findByStudy(studyId)) {
            if (attempts.getOrDefault(m.getTrialId(), -1) == m.getAttempt()) {
                byTrial.computeIfAbsent(m.getTrialId(), k -> new ArrayList<>()).add(toMeasurement(m));
            }
        }
        List<Trial> trials = new ArrayList<>(rows.size());
        for (TrialEntity t : rows) {
            trials.add(trial(t, spec, byTrial.getOrDefault(t.getId(), List.of())));
        }
        return new StudyHistory(spec, trials);
    }

    /** The study's trials by number, without their measurements: enough to rank them. */
    List<Trial> withoutMeasurements(long studyId, StudySpec spec) {
        return trials.findByStudyIdOrderByNumberAsc(studyId).stream().map(t -> trial(t, spec, List.of())).toList();
    }

    Trial trial(TrialEntity t, StudySpec spec, List<Measurement> latestAttempt) {
        return new Trial(t.getId(), t.getStudyId(), t.getNumber(), t.getConfigKey(), t.getRepeatIndex(),
                t.isEnqueued(), columns.configuration(t.getParametersJson(), spec.searchSpace()), t.getState(),
                t.getStopReason(), t.getWorkerId(), t.getAttempts(), columns.metrics(t.getMetricsJson()),
                t.getFailureReason(), latestAttempt, t.getCreatedAt(), t.getStartedAt(), t.getFinishedAt(),
                t.getHeartbeatAt());
    }

    Measurement toMeasurement(MeasurementEntity m) {
        return new Measurement(m.getStep(), m.getElapsedSeconds(), columns.metrics(m.getMetricsJson()));
    }
}
