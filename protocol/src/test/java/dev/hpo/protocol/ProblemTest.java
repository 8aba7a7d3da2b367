package dev.hpo.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.study.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void putsTheDetailThenEveryFieldIntoWords() {
        Problem problem = new Problem("about:blank", "Invalid request", 400, "The study spec is invalid.",
                "/api/studies", List.of(new FieldError("budget.maxTrials", "must be at least 1"),
                        new FieldError("objectives[0].goal", "must be MAXIMIZE or MINIMIZE")));

        assertThat(problem.headline()).hasValue("The study spec is invalid.");
        assertThat(problem.fieldMessages()).containsExactly("budget.maxTrials: must be at least 1",
                "objectives[0].goal: must be MAXIMIZE or MINIMIZE");
        assertThat(problem.describe()).isEqualTo("The study spec is invalid.; budget.maxTrials: must be at least 1;"
                + " objectives[0].goal: must be MAXIMIZE or MINIMIZE");
    }

    @Test
    void aProblemWithoutDetailIsNamedByItsTitleAndOneWithNeitherByNothing() {
        assertThat(new Problem(null, "Unauthorized", 401, " ", null, null).headline()).hasValue("Unauthorized");
        Problem bare = new Problem(null, null, 500, null, null, null);
        assertThat(bare.headline()).isEmpty();
        assertThat(bare.errors()).isEmpty();
        assertThat(bare.describe()).isEmpty();
    }

    @Test
    void readsTheProblemDetailsTheServiceWrites() throws Exception {
        String written = """
                {"type": "about:blank", "title": "Invalid request", "status": 400,
                 "detail": "The metrics are invalid.", "instance": "/api/trials/7/measurements",
                 "errors": [{"path": "metrics.loss", "message": "must be a finite number, got NaN"}]}""";

        Problem problem = ProtocolJson.read(written.getBytes(StandardCharsets.UTF_8), Problem.class);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.instance()).isEqualTo("/api/trials/7/measurements");
        assertThat(problem.fieldMessages()).containsExactly("metrics.loss: must be a finite number, got NaN");
    }
}
