package dev.hpo.api.trial;

import dev.hpo.api.optimizer.StudyHistory;
import dev.hpo.api.optimizer.TrialRecord;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Measurement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds the optimizer's view of a study from the database, so a restarted service continues where it was. */
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
        List<TrialRecord> records = new ArrayList<>(rows.size());
        for (TrialEntity t : rows) {
            records.add(record(t, spec, byTrial.getOrDefault(t.getId(), List.of())));
        }
        return new StudyHistory(spec, records);
    }

    TrialRecord record(TrialEntity t, StudySpec spec, List<Measurement> trialMeasurements) {
        return new TrialRecord(t.getNumber(), columns.configuration(t.getParametersJson(), spec.searchSpace()),
                t.getState(), columns.metrics(t.getMetricsJson()), trialMeasurements, t.isEnqueued());
    }

    Measurement toMeasurement(MeasurementEntity m) {
        return new Measurement(m.getStep(), m.getElapsedSeconds(), columns.metrics(m.getMetricsJson()));
    }
}
