package dev.hpo.runner.data;

import dev.hpo.trial.DataSpec;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seeded generators of a source whose training and validation images come from separate pools (Fashion-MNIST
 * and CIFAR-10: the training files and the test file): one root per subset seed, split once per part, so the
 * validation draw does not depend on the training count. A spec's excluded subsets get the same treatment, so each
 * pool's draw can leave out exactly what those subsets took from it.
 */
record PartDraws(SplittableRandom training, SplittableRandom validation, List<SplittableRandom> excludedTraining,
                 List<SplittableRandom> excludedValidation) {

    static PartDraws of(DataSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.subsetSeed());
        List<SplittableRandom[]> excluded = spec.excludedSubsets().stream().map(PartDraws::roots).toList();
        return new PartDraws(root.split(), root.split(), excluded.stream().map(r -> r[0]).toList(),
                excluded.stream().map(r -> r[1]).toList());
    }

    private static SplittableRandom[] roots(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        return new SplittableRandom[] {root.split(), root.split()};
    }
}
