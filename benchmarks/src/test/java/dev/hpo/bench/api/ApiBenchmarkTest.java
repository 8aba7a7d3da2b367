package dev.hpo.bench.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiBenchmarkTest {

    @Test
    void everyClientClaimsAndCompletesUntilTheStudyIsDoneAfterTheWarmUpRoundsAndTheReportSaysSo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new ApiBenchmark(new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(List.of("--trials", "40", "--clients", "4", "--warmup", "60"));

        assertThat(status).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        // 60 warm-up trials: a round of 40 and one of the 20 left, each on a study of its own.
        assertThat(report.get("warmUp")).hasSize(2);
        assertThat(report.at("/warmUp/1/perSecond").asDouble()).isPositive();
        assertThat(report.at("/fill/count").asInt()).isEqualTo(40);
        assertThat(report.at("/httpFloor/count").asInt()).isEqualTo(40);
        assertThat(report.at("/roundTrips/count").asInt()).isEqualTo(40);
        assertThat(report.at("/roundTrips/p99Ms").asDouble())
                .isGreaterThanOrEqualTo(report.at("/roundTrips/p50Ms").asDouble()).isPositive();
        assertThat(report.at("/roundTrips/serviceCpuMsEach").asDouble()).isPositive();
        assertThat(report.at("/roundTrips/clientCpuMsEach").asDouble()).isPositive();
        assertThat(report.at("/roundTrips/serviceAllocatedKbEach").asDouble()).isPositive();
        assertThat(report.at("/roundTrips/clientAllocatedKbEach").asDouble()).isPositive();
        assertThat(report.at("/roundTrips/duringCollections").asInt()).isBetween(0, 40);
        assertThat(report.at("/roundTrips/p99MsBetweenCollections").asDouble())
                .isLessThanOrEqualTo(report.at("/roundTrips/maxMs").asDouble());
        assertThat(report.get("studyState").asText()).isEqualTo("COMPLETED");
        assertThat(report.get("trialsComplete").asInt()).isEqualTo(40);
    }
}
