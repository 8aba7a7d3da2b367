package dev.hpo.api.trial;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.api.study.StudyCatalog;
import dev.hpo.protocol.MeasurementView;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.TrialView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Entities to response records; entities never leave the service. */
@Component
class TrialMapper {

    private final JsonColumns columns;
    private final ObjectMapper json;

    TrialMapper(JsonColumns columns, ObjectMapper json) {
        this.columns = columns;
        this.json = json;
    }

    TrialView trial(TrialEntity t, List<MeasurementEntity> measurements) {
        return new TrialView(t.getId(), t.getStudyId(), t.getNumber(), t.getConfigKey(), t.getRepeatIndex(),
                t.getState(), t.isEnqueued(), parameters(t), columns.metrics(t.getMetricsJson()), t.getWorkerId(),
                t.getAttempts(), t.getFailureReason(), t.getStopReason(), t.getCreatedAt(), t.getStartedAt(),
                t.getFinishedAt(), t.getHeartbeatAt(),
                measurements == null ? null : measurements.stream().map(this::measurement).toList());
    }

    TrialView trial(TrialRow t) {
        return new TrialView(t.id(), t.studyId(), t.number(), t.configKey(), t.repeatIndex(), t.state(),
                t.enqueued(), parameters(t.parametersJson()), columns.metrics(t.metricsJson()), t.workerId(),
                t.attempts(), t.failureReason(), t.stopReason(), t.createdAt(), t.startedAt(), t.finishedAt(),
                t.heartbeatAt(), null);
    }

    MeasurementView measurement(MeasurementEntity m) {
        return new MeasurementView(m.getAttempt(), m.getStep(), m.getElapsedSeconds(),
                columns.metrics(m.getMetricsJson()), m.getReportedAt());
    }

    Suggestion suggestion(HandedTrial t, StudyCatalog.ParsedStudy study) {
        var settings = study.spec().trialSettings();
        return new Suggestion(t.id(), t.studyId(), t.number(), t.configKey(), t.repeat(), t.attempt(),
                parameters(t.parametersJson()), study.spec().seed(),
                settings.timeCap().toMillis() / 1000.0, settings.heartbeatTimeout().toMillis() / 1000.0,
                study.trialSettingsJson());
    }

    /** The stored configuration exactly as written, so clients see the values the trial ran with. */
    Map<String, Object> parameters(TrialEntity t) {
        return parameters(t.getParametersJson());
    }

    private Map<String, Object> parameters(String parametersJson) {
        try {
            return json.readValue(parametersJson, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("a stored configuration is corrupt", e);
        }
    }
}
