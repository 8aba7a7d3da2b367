package dev.hpo.study;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.ModelFamily;
import dev.hpo.space.CategoricalParameter;
import dev.hpo.space.FixedParameter;
import dev.hpo.space.FloatParameter;
import dev.hpo.space.IntParameter;
import dev.hpo.space.Parameter;
import dev.hpo.trial.TrainingVocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * When a study trains with the built-in trainer, its parameters must be names the trainer understands and every
 * value they can take must be one the trainer accepts: a study that proposes {@code batchSize 0} or an unknown
 * optimizer would only fail trial after trial.
 */
final class TrainerVocabularyCheck {

    /** Metrics the built-in trainer reports for every trial. */
    static final List<String> METRICS = List.of("accuracy", "macs", "params", "loss", "wallSeconds");
    /** Metrics the built-in trainer reports while a trial runs, so early stopping can compare them. */
    static final List<String> INTERMEDIATE_METRICS = List.of("accuracy", "loss");

    private TrainerVocabularyCheck() {
    }

    /** Every parameter name the built-in trainer understands. */
    static List<String> parameterNames() {
        List<String> names = new ArrayList<>(TrialPlans.MULTIPLIERS);
        names.add(TrialPlans.SAM);
        names.addAll(TrainingVocabulary.names());
        return names;
    }

    static void check(List<Parameter> parameters, String path, TrialSettings settings, Problems problems) {
        for (int i = 0; i < parameters.size(); i++) {
            check(parameters.get(i), Problems.element(path, i), settings, problems);
        }
    }

    private static void check(Parameter p, String path, TrialSettings settings, Problems problems) {
        String name = p.name();
        if (TrialPlans.MULTIPLIERS.contains(name)) {
            checkValues(p, path, problems, v -> multiplier(name, v, settings));
        } else if (name.equals(TrialPlans.SAM)) {
            checkValues(p, path, problems, v -> {
                if (!"on".equals(v) && !"off".equals(v)) {
                    throw new IllegalArgumentException("sam must be \"on\" or \"off\", got " + ParameterParser.describe(v));
                }
            });
        } else if (TrainingVocabulary.isOption(name)) {
            TrainingVocabulary.Kind kind = TrainingVocabulary.kind(name);
            boolean range = p instanceof FloatParameter || p instanceof IntParameter;
            if (range && (kind == TrainingVocabulary.Kind.BOOLEAN || kind == TrainingVocabulary.Kind.CHOICE)) {
                problems.add(Problems.field(path, "type"), name + " takes " + (kind == TrainingVocabulary.Kind.BOOLEAN
                        ? "true or false" : "names") + "; use a categorical or fixed parameter");
            } else if (p instanceof FloatParameter && kind == TrainingVocabulary.Kind.INTEGER) {
                problems.add(Problems.field(path, "type"), name + " takes integers; use an int, categorical or fixed"
                        + " parameter");
            } else {
                checkValues(p, path, problems, v -> TrainingVocabulary.canonical(name, v));
            }
        } else {
            problems.add(Problems.field(path, "name"), "\"" + name + "\" is not a parameter the built-in trainer "
                    + "understands; expected one of " + String.join(", ", parameterNames())
                    + " (a study without trialSettings.model passes any name to its own trial script)");
        }
    }

    private static void multiplier(String name, Object value, TrialSettings settings) {
        if (!(value instanceof Number n) || !(n.doubleValue() > 0)) {
            throw new IllegalArgumentException("the " + name + " multiplier must be a positive number, got "
                    + ParameterParser.describe(value));
        }
        if (name.equals("resolution")) {
            ModelFamily family = settings.model().orElseThrow();
            DatasetSettings data = settings.dataset().orElseThrow();
            ArchitectureSpec unscaled = ArchitectureSpec.baseline(family, data.input(), data.classes());
            unscaled.withMultipliers(1, 1, n.doubleValue());
        }
    }

    /** Runs {@code check} on the values that bound what the parameter can take, reporting at each one's path. */
    private static void checkValues(Parameter p, String path, Problems problems, ValueCheck check) {
        if (p instanceof FloatParameter f) {
            run(check, f.min(), Problems.field(path, "min"), problems);
            run(check, f.max(), Problems.field(path, "max"), problems);
        } else if (p instanceof IntParameter n) {
            run(check, n.min(), Problems.field(path, "min"), problems);
            run(check, n.max(), Problems.field(path, "max"), problems);
        } else if (p instanceof CategoricalParameter c) {
            for (int i = 0; i < c.values().size(); i++) {
                run(check, c.values().get(i), Problems.element(Problems.field(path, "values"), i), problems);
            }
        } else if (p instanceof FixedParameter f) {
            run(check, f.value(), Problems.field(path, "value"), problems);
        }
    }

    private static void run(ValueCheck check, Object value, String path, Problems problems) {
        try {
            check.accept(value);
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface ValueCheck {
        void accept(Object value);
    }
}
