package dev.hpo.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialCsvTest {

    private static TrialView trial(long id, TrialState state, Map<String, Object> parameters,
                                   Map<String, Double> metrics, String failure) {
        return new TrialView(id, 3, id, id, 0, state, false, false, parameters, metrics, "w1", "dl4j", 1, failure, null,
                Instant.parse("2026-01-01T10:00:00Z"), null, null, null, null, null);
    }

    @Test
    void writesAColumnPerParameterAndMetricAnyTrialHasQuotingWhatNeedsIt() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("width", 0.5);
        first.put("optimizer", "adam");
        String csv = TrialCsv.write(List.of(
                trial(1, TrialState.COMPLETE, first, Map.of("accuracy", 0.9), null),
                trial(2, TrialState.FAILED, Map.of("width", 0.25), Map.of(), "exited with code 3, \"boom\"")));

        assertThat(csv.split("\r\n")).containsExactly(
                "id,number,state,configKey,repeat,enqueued,confirmation,workerId,engine,attempts,createdAt,startedAt,finishedAt,"
                        + "failureReason,param.width,param.optimizer,metric.accuracy",
                "1,1,COMPLETE,1,0,false,false,w1,dl4j,1,2026-01-01T10:00:00Z,,,,0.5,adam,0.9",
                "2,2,FAILED,2,0,false,false,w1,dl4j,1,2026-01-01T10:00:00Z,,,\"exited with code 3, \"\"boom\"\"\",0.25,,");
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    void noTrialsIsTheHeaderAlone() {
        assertThat(TrialCsv.write(List.of())).isEqualTo("id,number,state,configKey,repeat,enqueued,confirmation,workerId,"
                + "engine,attempts,createdAt,startedAt,finishedAt,failureReason\r\n");
    }
}
