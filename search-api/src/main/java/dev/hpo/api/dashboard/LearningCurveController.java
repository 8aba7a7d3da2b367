package dev.hpo.api.dashboard;

import dev.hpo.api.error.ApiException;
import dev.hpo.api.trial.TrialStore;
import dev.hpo.trial.Trial;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dashboard/curves?trial=1&trial=2&metric=accuracy}: learning curves of up to 20 trials, read from
 * the trial store in one go, so the chart costs the page one request, not one per trial.
 */
@RestController
class LearningCurveController {

    static final int MAX_TRIALS = 20;

    private final TrialStore store;

    LearningCurveController(TrialStore store) {
        this.store = store;
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
        Map<Long, Trial> found = store.find(ids, true).stream()
                .collect(Collectors.toMap(Trial::id, Function.identity()));
        for (Long id : ids) {
            if (!found.containsKey(id)) {
                throw new ApiException.NotFound("There is no trial " + id + ".");
            }
        }
        return ids.stream().map(id -> LearningCurve.of(found.get(id), metric)).toList();
    }
}
