package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;
import dev.hpo.trial.DataSpec;

public final class TrialDataLoader {
    private TrialDataLoader() {
    }

    public static InputShape nativeShape(DataSpec spec) {
        throw new DataException("no data loader in this build");
    }

    public static TrialData load(DataSpec spec, InputShape target) {
        throw new DataException("no data loader in this build");
    }
}
