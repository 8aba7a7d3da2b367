package dev.hpo.runner.options;

import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which images a command trains or loads: the dataset, where its files are and how many per class; the commands
 * that read data mix these in ({@code @Mixin}) so the options read and check the same everywhere.
 */
public final class DataOptions {

    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "fashion-mnist, cifar10 or folder.")
    String dataset;

    @Option(names = "--data-dir", description = "Where the dataset's files are (default: the dataset's usual place).")
    String dataDir;

    @Option(names = "--train-per-class", defaultValue = "500")
    int trainPerClass;

    @Option(names = "--val-per-class", defaultValue = "100")
    int valPerClass;

    /**
     * The data these options name, with the stratified subsets drawn by {@code subsetSeed}.
     *
     * @throws IllegalArgumentException naming an unknown dataset or a count out of range
     */
    public DataSpec dataSpec(long subsetSeed) {
        return new DataSpec(Dataset.fromId(dataset), Optional.ofNullable(dataDir), trainPerClass, valPerClass,
                subsetSeed);
    }
}
