package dev.hpo.runner.data;

import java.util.List;

public record TrialData(LabeledImages train, LabeledImages validation, int classes, List<String> classNames) {
}
