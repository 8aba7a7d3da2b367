package dev.hpo.runner.model;

import dev.hpo.runner.data.ChannelStatistics;
import dev.hpo.runner.engine.StudyDraws;
import dev.hpo.trial.TrialPlan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a saved network needs beside its weights to be used: the plan it was trained with (architecture and input
 * shape, whitening, flip test-time augmentation, and the data spec), its class names, the per-channel statistics of
 * its training subset, and, for a trial of a study, the study's seed and repeats, which name every subset the search
 * drew, so that a prediction can use the images none of them took.
 *
 * @param engine the engine that trained and saved it, e.g. {@code dl4j}
 * @param plan the trial plan it was trained with
 * @param classNames one per class, in label order
 * @param normalisation the training subset's per-channel statistics
 * @param study the study's seed and repeats; empty for a network trained on its own ({@code hpo train})
 * @param validationAccuracy its score on the validation subset
 */
public record ModelCard(String engine, TrialPlan plan, List<String> classNames, ChannelStatistics normalisation,
                        Optional<StudyDraws> study, double validationAccuracy) {

    /** @throws IllegalArgumentException when the class names or the statistics do not fit the architecture */
    public ModelCard {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(study, "study");
        classNames = List.copyOf(classNames);
        if (classNames.size() != plan.architecture().classes()) {
            throw new IllegalArgumentException("classNames must hold " + plan.architecture().classes()
                    + " names, got " + classNames.size());
        }
        if (normalisation.channels() != plan.architecture().scaledInput().channels()) {
            throw new IllegalArgumentException("normalisation must hold " + plan.architecture().scaledInput()
                    .channels() + " channels, got " + normalisation.channels());
        }
    }

    /** The seeds of every subset drawn: each repeat's for a study's trial, else the plan's own. */
    public List<Long> subsetSeeds() {
        return study.map(StudyDraws::subsetSeeds).orElse(List.of(plan.data().subsetSeed()));
    }
}
