package dev.hpo.runner.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.study.Durations;
import dev.hpo.trial.Activation;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import dev.hpo.trial.Optimizer;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrainingOptionsBuilder;
import dev.hpo.trial.TrialPlan;
import java.util.Optional;

/**
 * The JSON form of a {@link TrialPlan}, shared by {@code hpo train --plan} and the worker:
 * <pre>{@code
 * {"architecture": {"family": "resnet9", "input": "1x28x28", "classes": 10,
 *                   "depth": 1, "width": 0.5, "resolution": 1},
 *  "data": {"dataset": "fashion-mnist", "directory": null, "trainPerClass": 500, "valPerClass": 100,
 *           "subsetSeed": 0, "excludedSubsets": []},
 *  "training": {"optimizer": "sgd", "learningRate": 0.1, ...},
 *  "timeCapSeconds": 120}
 * }</pre>
 * Training fields left out take {@link TrainingOptions#defaults()}; everything else is required. Errors name the
 * field, e.g. {@code training.batchSize must be at least 1, got 0}.
 */
public final class TrialPlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrialPlanJson() {
    }

    /** @throws IllegalArgumentException naming the field when the text is not a valid plan */
    public static TrialPlan parse(String json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("plan is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** @throws IllegalArgumentException naming the field when the node is not a valid plan */
    public static TrialPlan read(JsonNode json) {
        JsonFields root = new JsonFields(json, "");
        ArchitectureSpec architecture = architecture(root.object("architecture"));
        DataSpec data = data(root.object("data"));
        TrainingOptions training = root.has("training") ? training(root.object("training"))
                : TrainingOptions.defaults();
        double capSeconds = root.number("timeCapSeconds");
        if (!(capSeconds > 0) || Double.isInfinite(capSeconds)) {
            throw new IllegalArgumentException("timeCapSeconds must be positive, got " + capSeconds);
        }
        return new TrialPlan(architecture, data, training, Durations.ofSeconds(capSeconds));
    }

    public static ObjectNode write(TrialPlan plan) {
        ObjectNode json = MAPPER.createObjectNode();
        ArchitectureSpec a = plan.architecture();
        json.putObject("architecture")
                .put("family", a.family().id())
                .put("input", a.input().toString())
                .put("classes", a.classes())
                .put("depth", a.depth())
                .put("width", a.width())
                .put("resolution", a.resolution());
        DataSpec d = plan.data();
        ObjectNode data = json.putObject("data").put("dataset", d.dataset().id());
        data.put("directory", d.directory().orElse(null));
        data.put("trainPerClass", d.trainPerClass()).put("valPerClass", d.valPerClass())
                .put("subsetSeed", d.subsetSeed());
        d.excludedSubsets().forEach(data.putArray("excludedSubsets")::add);
        TrainingOptions t = plan.training();
        json.putObject("training")
                .put("optimizer", t.optimizer().id())
                .put("learningRate", t.learningRate())
                .put("momentum", t.momentum())
                .put("weightDecay", t.weightDecay())
                .put("batchSize", t.batchSize())
                .put("labelSmoothing", t.labelSmoothing())
                .put("samRho", t.samRho())
                .put("gradientCentralization", t.gradientCentralization())
                .put("activation", t.activation().id())
                .put("activationAlpha", t.activationAlpha())
                .put("warmupFraction", t.warmupFraction())
                .put("whitening", t.whitening())
                .put("cropPadding", t.cropPadding())
                .put("flip", t.flip())
                .put("cutout", t.cutout())
                .put("flipTestTimeAugmentation", t.flipTestTimeAugmentation())
                .put("seed", t.seed());
        json.put("timeCapSeconds", Durations.seconds(plan.timeCap()));
        return json;
    }

    private static ArchitectureSpec architecture(JsonFields a) {
        return guarded("architecture", () -> new ArchitectureSpec(
                a.parsed("family", ModelFamily::fromId),
                a.parsed("input", InputShape::parse),
                a.smallInteger("classes", 0),
                a.number("depth", 1),
                a.number("width", 1),
                a.number("resolution", 1)));
    }

    private static DataSpec data(JsonFields d) {
        return guarded("data", () -> new DataSpec(
                d.parsed("dataset", Dataset::fromId),
                Optional.ofNullable(d.has("directory") ? d.text("directory") : null),
                d.smallInteger("trainPerClass", DataSpec.DEFAULT_TRAIN_PER_CLASS),
                d.smallInteger("valPerClass", DataSpec.DEFAULT_VAL_PER_CLASS),
                d.integer("subsetSeed", 0),
                d.integers("excludedSubsets")));
    }

    private static TrainingOptions training(JsonFields t) {
        TrainingOptions base = TrainingOptions.defaults();
        return guarded("training", () -> TrainingOptionsBuilder.from(base)
                .optimizer(t.parsed("optimizer", Optimizer::fromId, base.optimizer()))
                .learningRate(t.number("learningRate", base.learningRate()))
                .momentum(t.number("momentum", base.momentum()))
                .weightDecay(t.number("weightDecay", base.weightDecay()))
                .batchSize(t.smallInteger("batchSize", base.batchSize()))
                .labelSmoothing(t.number("labelSmoothing", base.labelSmoothing()))
                .samRho(t.number("samRho", base.samRho()))
                .gradientCentralization(t.bool("gradientCentralization", base.gradientCentralization()))
                .activation(t.parsed("activation", Activation::fromId, base.activation()))
                .activationAlpha(t.number("activationAlpha", base.activationAlpha()))
                .warmupFraction(t.number("warmupFraction", base.warmupFraction()))
                .whitening(t.bool("whitening", base.whitening()))
                .cropPadding(t.smallInteger("cropPadding", base.cropPadding()))
                .flip(t.bool("flip", base.flip()))
                .cutout(t.smallInteger("cutout", base.cutout()))
                .flipTestTimeAugmentation(t.bool("flipTestTimeAugmentation", base.flipTestTimeAugmentation()))
                .seed(t.integer("seed", base.seed()))
                .build());
    }

    /** Prefixes the domain records' own validation messages with the object they came from. */
    private static <T> T guarded(String object, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new IllegalArgumentException(message.startsWith(object + ".") ? message : object + "." + message);
        }
    }
}
