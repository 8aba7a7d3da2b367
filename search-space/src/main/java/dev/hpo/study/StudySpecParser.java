package dev.hpo.study;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hpo.space.Parameter;
import dev.hpo.space.SearchSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads a study spec in the JSON format of {@code docs/study-spec.md}. Every problem is reported at once, each
 * with the JSON path of the field at fault, so a user fixes a spec in one round trip.
 */
public final class StudySpecParser {

    /** The constraint bound that stands for the baseline configuration's own value. */
    static final String BASELINE = "baseline";

    static final List<String> FIELDS = List.of("name", "description", "objectives", "constraints", "algorithm",
            "budget", "trialSettings", "fidelity", "parameters", "seed", "confirm", ArtifactSettingsParser.FIELD);
    static final Pattern STUDY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    static final Pattern METRIC = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    static final int MAX_DESCRIPTION = 10_000;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private StudySpecParser() {
    }

    /**
     * @throws InvalidSpecException listing every problem, for malformed JSON a single one giving line and column
     */
    public static StudySpec parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidSpecException(List.of(new FieldError("$", "malformed JSON" + where + ": "
                    + e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidSpecException(List.of(new FieldError("$", "is empty; expected a JSON object")));
        }
        return parse(root);
    }

    /**
     * @throws InvalidSpecException listing every problem
     */
    public static StudySpec parse(JsonNode root) {
        Problems problems = new Problems();
        Optional<StudySpec> spec = SpecObject.of(root, "$", problems, FIELDS).flatMap(s -> read(s, problems));
        if (problems.count() > 0 || spec.isEmpty()) {
            throw new InvalidSpecException(problems.errors());
        }
        return spec.get();
    }

    private static Optional<StudySpec> read(SpecObject s, Problems problems) {
        Optional<String> name = s.string("name", true);
        name.filter(n -> !STUDY_NAME.matcher(n).matches()).ifPresent(n -> problems.add("name",
                "must start with a letter or digit and hold only letters, digits, _ . - (at most 100), got \""
                        + n + "\""));
        Optional<String> description = s.string("description", false);
        description.filter(d -> d.length() > MAX_DESCRIPTION).ifPresent(d -> problems.add("description",
                "must be at most " + MAX_DESCRIPTION + " characters, got " + d.length()));
        List<Objective> objectives = objectives(s);
        List<Constraint> constraints = constraints(s);
        Optional<AlgorithmParser.Draft> algorithm = algorithm(s, objectives);
        Optional<TrialSettings> trialSettings = trialSettings(s);
        Optional<Fidelity> fidelity = FidelityParser.parse(s, trialSettings);
        Optional<Budget> budget = budget(s, trialSettings);
        Optional<List<Parameter>> parameters = s.array("parameters", true)
                .flatMap(a -> ParameterParser.parse(a, "parameters", problems));
        long seed = s.integer("seed", false, Long.MIN_VALUE, Long.MAX_VALUE).orElse(0);
        Optional<Confirmation> confirm = confirm(s);
        Optional<ArtifactSettings> artifacts = ArtifactSettingsParser.parse(s);
        trialSettings.filter(TrialSettings::builtInTrainer).ifPresent(t -> {
            parameters.ifPresent(p -> TrainerVocabularyCheck.check(p, "parameters", t, problems));
            checkMetrics(objectives, constraints, problems);
        });
        Optional<AlgorithmSettings> settings = algorithm.flatMap(a -> earlyStopping(s, a, objectives, constraints,
                trialSettings).map(a::with));
        if (problems.count() > 0) {
            return Optional.empty();
        }
        return Optional.of(new StudySpec(name.orElseThrow(), description, SearchSpace.of(parameters.orElseThrow()),
                objectives, constraints, settings.orElseThrow(), budget.orElseThrow(), trialSettings.orElseThrow(),
                fidelity.orElseThrow(), seed, confirm, artifacts.orElseThrow()));
    }

    private static Optional<Confirmation> confirm(SpecObject s) {
        return s.object("confirm", false, List.of("top", "repeats")).flatMap(c -> {
            OptionalLong top = c.integer("top", true, 1, Confirmation.MAX_TOP);
            OptionalLong repeats = c.integer("repeats", true, 2, Confirmation.MAX_REPEATS);
            return top.isPresent() && repeats.isPresent()
                    ? Optional.of(new Confirmation((int) top.getAsLong(), (int) repeats.getAsLong()))
                    : Optional.empty();
        });
    }

    /**
     * The algorithm's early-stopping rule with its metric settled; empty without a report when the objectives,
     * constraints or trial settings it depends on have problems of their own.
     */
    private static Optional<EarlyStopping> earlyStopping(SpecObject s, AlgorithmParser.Draft algorithm,
                                                         List<Objective> objectives, List<Constraint> constraints,
                                                         Optional<TrialSettings> trialSettings) {
        if (algorithm.stopping().rule() == StoppingRule.NONE) {
            return Optional.of(EarlyStopping.none());
        }
        int declaredObjectives = s.get("objectives").filter(JsonNode::isArray).map(JsonNode::size).orElse(0);
        int declaredConstraints = s.get("constraints").filter(JsonNode::isArray).map(JsonNode::size).orElse(0);
        if (trialSettings.isEmpty() || objectives.isEmpty() || objectives.size() != declaredObjectives
                || constraints.size() != declaredConstraints) {
            return Optional.empty();
        }
        return StoppingMetric.resolve(algorithm.stopping(), objectives, constraints,
                trialSettings.get().builtInTrainer(), s.problems());
    }

    /**
     * The spec's trial settings; absent, they are {@code {}}: trials trained elsewhere (a worker's trial command, or
     * any client of the worker protocol) with the default cap, repeats, heartbeat timeout and retries.
     */
    private static Optional<TrialSettings> trialSettings(SpecObject s) {
        JsonNode settings = s.get("trialSettings").orElseGet(JsonNodeFactory.instance::objectNode);
        return SpecObject.of(settings, s.path("trialSettings"), s.problems(), TrialSettingsParser.FIELDS)
                .flatMap(TrialSettingsParser::parse);
    }

    private static List<Objective> objectives(SpecObject s) {
        Problems problems = s.problems();
        List<Objective> objectives = new ArrayList<>();
        Optional<JsonNode> array = s.array("objectives", true);
        if (array.isEmpty()) {
            return objectives;
        }
        if (array.get().isEmpty() || array.get().size() > 2) {
            problems.add("objectives", "must hold one or two objectives, got " + array.get().size());
            return objectives;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.get().size(); i++) {
            String path = Problems.element("objectives", i);
            SpecObject.of(array.get().get(i), path, problems, List.of("metric", "goal")).ifPresent(o -> {
                Optional<String> metric = metric(o, seen);
                Optional<Goal> goal = o.string("goal", true).flatMap(g -> goal(g, o.path("goal"), problems));
                if (metric.isPresent() && goal.isPresent()) {
                    objectives.add(new Objective(metric.get(), goal.get()));
                }
            });
        }
        return objectives;
    }

    private static List<Constraint> constraints(SpecObject s) {
        Problems problems = s.problems();
        List<Constraint> constraints = new ArrayList<>();
        Optional<JsonNode> array = s.array("constraints", false);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; array.isPresent() && i < array.get().size(); i++) {
            String path = Problems.element("constraints", i);
            SpecObject.of(array.get().get(i), path, problems, List.of("metric", "min", "max")).ifPresent(c -> {
                int before = problems.count();
                Optional<String> metric = metric(c, seen);
                Constraint.Baseline baseline = baselineBound(c);
                OptionalDouble min = baseline == Constraint.Baseline.MIN ? OptionalDouble.empty() : c.number("min", false);
                OptionalDouble max = baseline == Constraint.Baseline.MAX ? OptionalDouble.empty() : c.number("max", false);
                if (!c.has("min") && !c.has("max")) {
                    problems.add(c.path(), "needs min, max or both");
                } else if (baseline != Constraint.Baseline.NONE && c.has("min") && c.has("max")) {
                    problems.add(c.path(), "a \"baseline\" bound stands alone: give either min or max");
                } else if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
                    problems.add(c.path("max"), "must be at least min (" + ParameterParser.number(min.getAsDouble())
                            + ")");
                }
                if (problems.count() == before) {
                    constraints.add(new Constraint(metric.orElseThrow(), min, max, baseline));
                }
            });
        }
        return constraints;
    }

    /** Which bound is the text {@code "baseline"}: the value of the study's first enqueued configuration. */
    private static Constraint.Baseline baselineBound(SpecObject c) {
        for (String field : List.of("min", "max")) {
            Optional<JsonNode> value = c.get(field);
            if (value.isPresent() && value.get().isTextual()) {
                if (!value.get().textValue().equals(BASELINE)) {
                    c.problems().add(c.path(field), "must be a number or \"" + BASELINE + "\", got \""
                            + value.get().textValue() + "\"");
                    continue;
                }
                return field.equals("min") ? Constraint.Baseline.MIN : Constraint.Baseline.MAX;
            }
        }
        return Constraint.Baseline.NONE;
    }

    /** A metric name, unique within its list. */
    private static Optional<String> metric(SpecObject o, Map<String, Integer> seen) {
        Optional<String> metric = o.string("metric", true);
        if (metric.isPresent() && !METRIC.matcher(metric.get()).matches()) {
            o.problems().add(o.path("metric"), "must start with a letter or _ and hold only letters, digits,"
                    + " _ . - (at most 64), got \"" + metric.get() + "\"");
            return Optional.empty();
        }
        if (metric.isPresent()) {
            String list = o.path().substring(0, o.path().indexOf('['));
            Integer earlier = seen.putIfAbsent(metric.get(), seen.size());
            if (earlier != null) {
                o.problems().add(o.path("metric"), "\"" + metric.get() + "\" already appears in " + list
                        + (list.equals("constraints") ? "; give min and max in one constraint" : ""));
                return Optional.empty();
            }
        }
        return metric;
    }

    static Optional<Goal> goal(String text, String path, Problems problems) {
        try {
            return Optional.of(Goal.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add(path, "must be MAXIMIZE or MINIMIZE, got \"" + text + "\"");
            return Optional.empty();
        }
    }

    private static Optional<AlgorithmParser.Draft> algorithm(SpecObject s, List<Objective> objectives) {
        if (!s.has("algorithm")) {
            AlgorithmSettings defaults = AlgorithmSettings.defaults();
            return Optional.of(new AlgorithmParser.Draft(defaults.name(), defaults.populationSize(),
                    AlgorithmParser.StoppingOptions.none())).filter(a -> checkObjectives(a.name(), objectives, s));
        }
        return s.object("algorithm", false, List.of("name", "populationSize", "earlyStopping"))
                .flatMap(AlgorithmParser::parse)
                .filter(a -> checkObjectives(a.name(), objectives, s));
    }

    private static boolean checkObjectives(Algorithm algorithm, List<Objective> objectives, SpecObject s) {
        int declared = s.get("objectives").filter(JsonNode::isArray).map(JsonNode::size).orElse(0);
        if (declared != objectives.size()) {
            return true;
        }
        if (algorithm == Algorithm.NSGA2 && objectives.size() == 1) {
            s.problems().add("algorithm.name", "NSGA2 trades off two objectives, but objectives holds one; add a "
                    + "second or use EVOLUTION");
            return false;
        }
        if (!algorithm.multiObjective() && objectives.size() == 2) {
            s.problems().add("objectives", algorithm + " optimises one objective, but objectives holds two; use NSGA2"
                    + " to trade them off, or make one a constraint");
            return false;
        }
        return true;
    }

    private static Optional<Budget> budget(SpecObject s, Optional<TrialSettings> trialSettings) {
        return s.object("budget", true, List.of("maxTrials", "maxDuration", "parallelism")).flatMap(b -> {
            Problems problems = b.problems();
            int before = problems.count();
            long maxTrials = b.integer("maxTrials", true, 1, Budget.MAX_TRIALS).orElse(1);
            Optional<Duration> maxDuration = b.duration("maxDuration", false);
            long parallelism = b.integer("parallelism", false, 1, Budget.MAX_PARALLELISM).orElse(1);
            Duration timeCap = trialSettings.map(TrialSettings::timeCap).orElse(TrialSettings.DEFAULT_TIME_CAP);
            if (maxDuration.isPresent() && maxDuration.get().compareTo(timeCap) < 0) {
                problems.add(b.path("maxDuration"), "must be at least one trial's time cap ("
                        + Durations.format(timeCap) + "), got " + b.get("maxDuration").orElseThrow().asText());
            }
            if (problems.count() > before) {
                return Optional.empty();
            }
            return Optional.of(new Budget((int) maxTrials, maxDuration, (int) parallelism));
        });
    }

    /** With the built-in trainer, objectives and constraints can only name metrics it reports. */
    private static void checkMetrics(List<Objective> objectives, List<Constraint> constraints, Problems problems) {
        String known = String.join(", ", TrainerVocabularyCheck.METRICS);
        for (int i = 0; i < objectives.size(); i++) {
            if (!TrainerVocabularyCheck.METRICS.contains(objectives.get(i).metric())) {
                problems.add(Problems.element("objectives", i) + ".metric", "the built-in trainer reports only "
                        + known + ", not \"" + objectives.get(i).metric() + "\"");
            }
        }
        for (int i = 0; i < constraints.size(); i++) {
            if (!TrainerVocabularyCheck.METRICS.contains(constraints.get(i).metric())) {
                problems.add(Problems.element("constraints", i) + ".metric", "the built-in trainer reports only "
                        + known + ", not \"" + constraints.get(i).metric() + "\"");
            }
        }
    }
}
