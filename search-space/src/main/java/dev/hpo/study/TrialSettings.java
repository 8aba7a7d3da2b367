package dev.hpo.study;

import dev.hpo.arch.ModelFamily;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How every trial of a study runs.
 *
 * @param timeCap wall-clock cap of one trial (training and evaluation), positive and at most {@link #MAX_TIME_CAP}
 * @param repeats runs of each configuration on distinct data subsets, whose metrics are averaged; at least 1
 * @param dataset the data the built-in trainer uses; may be empty only when no model is set
 * @param model the network the built-in trainer scales; empty when a custom trial script takes the configuration
 * @param training fixed trainer options (names of {@link dev.hpo.trial.TrainingVocabulary}) in canonical form;
 *        a parameter of the same name overrides them
 * @param heartbeatTimeout a running trial silent this long is taken as lost and requeued or failed
 * @param maxRetries requeues of a lost trial before it is failed, at least 0
 */
public record TrialSettings(Duration timeCap, int repeats, Optional<DatasetSettings> dataset,
                            Optional<ModelFamily> model, Map<String, Object> training, Duration heartbeatTimeout,
                            int maxRetries) {

    public static final Duration DEFAULT_TIME_CAP = Duration.ofMinutes(10);
    public static final Duration MAX_TIME_CAP = Duration.ofHours(24);
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_RETRIES = 2;

    public TrialSettings {
        Objects.requireNonNull(timeCap, "timeCap");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
        training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
        if (timeCap.isNegative() || timeCap.isZero() || timeCap.compareTo(MAX_TIME_CAP) > 0) {
            throw new IllegalArgumentException("timeCap must be positive and at most 24h, got " + timeCap);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        if (heartbeatTimeout.isNegative() || heartbeatTimeout.isZero()) {
            throw new IllegalArgumentException("heartbeatTimeout must be positive, got " + heartbeatTimeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be at least 0, got " + maxRetries);
        }
        if (model.isPresent() && dataset.isEmpty()) {
            throw new IllegalArgumentException("a model needs a dataset to train on");
        }
    }

    /** The built-in trainer on a data source with the default cap, one repeat and no fixed options. */
    public static TrialSettings of(DatasetSettings dataset, ModelFamily model) {
        return new TrialSettings(DEFAULT_TIME_CAP, 1, Optional.of(dataset), Optional.of(model), Map.of(),
                DEFAULT_HEARTBEAT_TIMEOUT, DEFAULT_MAX_RETRIES);
    }

    /** True when trials are trained by the built-in trainer rather than a custom trial script. */
    public boolean builtInTrainer() {
        return model.isPresent();
    }
}
