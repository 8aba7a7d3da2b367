package dev.hpo.study;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.ModelFamily;
import dev.hpo.space.Configuration;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrainingVocabulary;
import dev.hpo.trial.TrialPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a trial's configuration into the plan the built-in trainer runs: the trainer's defaults, overridden by
 * the study's fixed training options, overridden in turn by the configuration's parameters; the architecture
 * multipliers applied to the dataset's input shape; and a data subset chosen by the study seed and the repeat.
 */
public final class TrialPlans {

    /** Parameters that scale the network rather than set a training option. */
    public static final List<String> MULTIPLIERS = List.of("depth", "width", "resolution");
    /** Mixed into the study seed for confirmation runs, so their seeds never meet a search repeat's. */
    private static final long CONFIRMATION_SUBSETS = 0x6A09E667F3BCC909L;
    private static final long CONFIRMATION_TRAINING = 0xBB67AE8584CAA73BL;
    /** A categorical {@code "on"}/{@code "off"} switch for SAM: off trains with {@code samRho} 0. */
    public static final String SAM = "sam";
    /** SAM's neighbourhood size when {@code sam} is on and no positive {@code samRho} is given. */
    public static final double DEFAULT_SAM_RHO = 0.05;

    private TrialPlans() {
    }

    /** Resolves repeat {@code repeat} of a configuration of the given study. */
    public static TrialPlan resolve(StudySpec study, Configuration parameters, int repeat) {
        return resolve(study.trialSettings(), parameters, repeat, study.seed());
    }

    /**
     * @param settings the study's trial settings, naming a model and a dataset
     * @param parameters the trial's configuration: architecture multipliers, {@code sam}, and training options
     * @param repeat which run of this configuration, in {@code [0, settings.repeats())}: each repeat trains on its
     *        own data subset
     * @param studySeed the study's seed
     * @throws IllegalArgumentException when the settings name no model, the repeat is out of range, or a parameter
     *         is unknown to the trainer or out of its range
     */
    public static TrialPlan resolve(TrialSettings settings, Configuration parameters, int repeat, long studySeed) {
        DatasetSettings data = settings.dataset().orElseThrow(TrialPlans::noModel);
        if (repeat < 0 || repeat >= settings.repeats()) {
            throw new IllegalArgumentException("repeat must be in [0, " + settings.repeats() + "), got " + repeat);
        }
        return plan(settings, parameters, trainingSeed(studySeed, repeat),
                data.toDataSpec(subsetSeed(studySeed, repeat)));
    }

    /** Resolves run {@code run} of the confirmation of a configuration of the given study. */
    public static TrialPlan confirmation(StudySpec study, Configuration parameters, int run) {
        return confirmation(study.trialSettings(), parameters, run, study.seed());
    }

    /**
     * The plan of a confirmation run: the configuration trained as the search trained it, on a subset no search
     * repeat drew (its own seeds, from a stream the search never uses), and scored on images no search trial was
     * validated on.
     *
     * @param run which confirmation run of this configuration, from 0; distinct runs draw distinct subsets
     * @throws IllegalArgumentException as {@link #resolve(TrialSettings, Configuration, int, long)}, or when
     *         {@code run} is negative
     */
    public static TrialPlan confirmation(TrialSettings settings, Configuration parameters, int run, long studySeed) {
        DatasetSettings data = settings.dataset().orElseThrow(TrialPlans::noModel);
        if (run < 0) {
            throw new IllegalArgumentException("a confirmation run must be >= 0, got " + run);
        }
        List<Long> searched = new ArrayList<>();
        for (int r = 0; r < settings.repeats(); r++) {
            searched.add(subsetSeed(studySeed, r));
        }
        long seed = mix(studySeed ^ CONFIRMATION_SUBSETS, run);
        return plan(settings, parameters, mix(studySeed ^ CONFIRMATION_TRAINING, run),
                data.toDataSpec(seed).heldOutFrom(seed, searched));
    }

    private static TrialPlan plan(TrialSettings settings, Configuration parameters, long trainingSeed,
                                  DataSpec dataSpec) {
        ModelFamily family = settings.model().orElseThrow(TrialPlans::noModel);
        DatasetSettings data = settings.dataset().orElseThrow();
        Map<String, Object> options = new LinkedHashMap<>(settings.training());
        Map<String, Double> multipliers = new HashMap<>();
        String sam = null;
        for (Map.Entry<String, Object> e : parameters.values().entrySet()) {
            String name = e.getKey();
            Object value = e.getValue();
            if (MULTIPLIERS.contains(name)) {
                multipliers.put(name, multiplier(name, value));
            } else if (name.equals(SAM)) {
                if (!"on".equals(value) && !"off".equals(value)) {
                    throw new IllegalArgumentException("sam must be \"on\" or \"off\", got " + value);
                }
                sam = (String) value;
            } else if (TrainingVocabulary.isOption(name)) {
                options.put(name, value);
            } else {
                throw new IllegalArgumentException("parameter '" + name + "' is not one the built-in trainer "
                        + "understands");
            }
        }
        if (!options.containsKey("seed")) {
            options.put("seed", trainingSeed);
        }
        TrainingOptions training = TrainingVocabulary.apply(TrainingOptions.defaults(), options);
        if ("off".equals(sam)) {
            training = TrainingVocabulary.apply(training, Map.of("samRho", 0.0));
        } else if ("on".equals(sam) && !training.usesSam()) {
            training = TrainingVocabulary.apply(training, Map.of("samRho", DEFAULT_SAM_RHO));
        }
        ArchitectureSpec architecture = new ArchitectureSpec(family, data.input(), data.classes(),
                multipliers.getOrDefault("depth", 1.0), multipliers.getOrDefault("width", 1.0),
                multipliers.getOrDefault("resolution", 1.0));
        return new TrialPlan(architecture, dataSpec, training, settings.timeCap());
    }

    private static IllegalArgumentException noModel() {
        return new IllegalArgumentException("the trial settings name no model, so a custom trial script runs this "
                + "study, not the built-in trainer");
    }

    /**
     * The seed of a repeat's stratified subset: distinct repeats of one study draw distinct subsets, and every
     * configuration's repeat {@code r} draws the same one, so configurations are compared on equal data.
     */
    public static long subsetSeed(long studySeed, int repeat) {
        return mix(studySeed ^ 0x5DEECE66DL, repeat);
    }

    /** The initialisation and shuffling seed of a repeat, unless the spec fixes {@code seed}. */
    public static long trainingSeed(long studySeed, int repeat) {
        return mix(studySeed ^ 0x2545F4914F6CDD1DL, repeat);
    }

    private static double multiplier(String name, Object value) {
        if (!(value instanceof Number n) || !(n.doubleValue() > 0) || Double.isInfinite(n.doubleValue())) {
            throw new IllegalArgumentException("the " + name + " multiplier must be a positive number, got " + value);
        }
        return n.doubleValue();
    }

    /** SplitMix64's finaliser over the pair, so nearby seeds and repeats give unrelated values. */
    private static long mix(long seed, int repeat) {
        long z = seed + 0x9E3779B97F4A7C15L * (repeat + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
