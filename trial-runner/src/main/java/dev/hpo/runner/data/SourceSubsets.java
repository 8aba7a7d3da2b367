package dev.hpo.runner.data;

import java.util.List;

/** The training and validation subsets a source selected for one data spec, still in the source's own form. */
record SourceSubsets(NativeImages train, NativeImages validation, List<String> classNames) {

    SourceSubsets {
        classNames = List.copyOf(classNames);
    }
}
