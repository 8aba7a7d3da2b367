package dev.hpo.study;

import java.util.List;
import java.util.Optional;

/** Reads a spec's {@code artifacts} object: {@code {"keep": 3}}; absent, the study keeps nothing. */
final class ArtifactSettingsParser {

    static final String FIELD = "artifacts";

    private ArtifactSettingsParser() {
    }

    /** The settings; empty, with the problem reported, when the object is malformed. */
    static Optional<ArtifactSettings> parse(SpecObject spec) {
        if (!spec.has(FIELD)) {
            return Optional.of(ArtifactSettings.none());
        }
        return spec.object(FIELD, false, List.of("keep")).flatMap(a -> {
            int before = a.problems().count();
            long keep = a.integer("keep", true, 1, ArtifactSettings.MAX_KEEP).orElse(1);
            return a.problems().count() > before ? Optional.empty() : Optional.of(new ArtifactSettings((int) keep));
        });
    }
}
