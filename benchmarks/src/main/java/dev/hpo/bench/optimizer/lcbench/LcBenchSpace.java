package dev.hpo.bench.optimizer.lcbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.space.SearchSpace;
import dev.hpo.study.StudySpecParser;

/**
 * LCBench as a study: its seven parameters with the surrogate's ranges and scales (its {@code config_space.json}),
 * the objective {@code val_accuracy} maximised, and a fidelity of {@value LcBenchSurrogate#EPOCHS} steps, one per
 * epoch. Specs are written in the JSON a client sends (docs/study-spec.md), so a study over REST and one run in
 * process read the same text.
 */
public final class LcBenchSpace {

    public static final String BATCH_SIZE = "batch_size";
    public static final String LEARNING_RATE = "learning_rate";
    public static final String MOMENTUM = "momentum";
    public static final String WEIGHT_DECAY = "weight_decay";
    public static final String NUM_LAYERS = "num_layers";
    public static final String MAX_UNITS = "max_units";
    public static final String MAX_DROPOUT = "max_dropout";
    /** The metric a trial reports after every epoch and completes with. */
    public static final String METRIC = "val_accuracy";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LcBenchSpace() {
    }

    /**
     * A study spec over LCBench.
     *
     * @param algorithm the spec's {@code algorithm} object, e.g. {@code {"name": "EVOLUTION", "earlyStopping":
     *        {"rule": "ASHA"}}}
     * @param maxTrials the study's budget in trials
     */
    public static String spec(String name, ObjectNode algorithm, int maxTrials, long seed) {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("name", name);
        spec.putArray("objectives").addObject().put("metric", METRIC).put("goal", "MAXIMIZE");
        spec.set("algorithm", algorithm);
        spec.putObject("budget").put("maxTrials", maxTrials).put("parallelism", 1);
        // A trial here takes moments; the cap only bounds one that hangs.
        spec.putObject("trialSettings").put("timeCap", "10m");
        spec.putObject("fidelity").put("unit", "steps").put("max", LcBenchSurrogate.EPOCHS);
        ArrayNode parameters = spec.putArray("parameters");
        parameters.addObject().put("name", BATCH_SIZE).put("type", "int").put("min", 16).put("max", 512)
                .put("scale", "log");
        parameters.addObject().put("name", LEARNING_RATE).put("type", "float").put("min", 1e-4).put("max", 1e-1)
                .put("scale", "log");
        parameters.addObject().put("name", MOMENTUM).put("type", "float").put("min", 0.1).put("max", 0.99);
        parameters.addObject().put("name", WEIGHT_DECAY).put("type", "float").put("min", 1e-5).put("max", 1e-1);
        parameters.addObject().put("name", NUM_LAYERS).put("type", "int").put("min", 1).put("max", 5);
        parameters.addObject().put("name", MAX_UNITS).put("type", "int").put("min", 64).put("max", 1024)
                .put("scale", "log");
        parameters.addObject().put("name", MAX_DROPOUT).put("type", "float").put("min", 0.0).put("max", 1.0);
        spec.put("seed", seed);
        return spec.toString();
    }

    /** The spec's {@code algorithm} object: the named algorithm with the named early-stopping rule. */
    public static ObjectNode algorithm(String name, String rule) {
        ObjectNode algorithm = JSON.createObjectNode().put("name", name);
        algorithm.putObject("earlyStopping").put("rule", rule);
        return algorithm;
    }

    /** The seven parameters as the project reads them. */
    public static SearchSpace searchSpace() {
        return StudySpecParser.parse(spec("lcbench", algorithm("RANDOM", "NONE"), 1, 0)).searchSpace();
    }
}
