package dev.hpo.api.dashboard;

import dev.hpo.api.error.ApiException;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/dashboard/curves?trial=1&trial=2&metric=accuracy}: learning curves of up to 20 trials. */
@RestController
class LearningCurveController {

    static final int MAX_TRIALS = 20;

    private final LearningCurveQueries queries;

    LearningCurveController(LearningCurveQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/dashboard/curves")
    List<LearningCurve> curves(@RequestParam(name = "trial") List<Long> trialIds,
                               @RequestParam(defaultValue = "accuracy") String metric) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(trialIds));
        if (ids.isEmpty() || ids.size() > MAX_TRIALS) {
            throw ApiException.InvalidRequest.of("trial", "give between 1 and " + MAX_TRIALS + " trial ids, got " + ids.size());
        }
        if (metric.isBlank() || metric.length() > 100) {
            throw ApiException.InvalidRequest.of("metric", "must be a metric name of 1 to 100 characters");
        }
        List<LearningCurve> curves = queries.curves(ids, metric);
        if (curves.size() < ids.size()) {
            List<Long> found = curves.stream().map(LearningCurve::trialId).toList();
            Long missing = ids.stream().filter(id -> !found.contains(id)).findFirst().orElseThrow();
            throw new ApiException.NotFound("There is no trial " + missing + ".");
        }
        return curves;
    }
}
