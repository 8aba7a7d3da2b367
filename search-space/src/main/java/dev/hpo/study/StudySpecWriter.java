package dev.hpo.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.space.CategoricalParameter;
import dev.hpo.space.Condition;
import dev.hpo.space.FixedParameter;
import dev.hpo.space.FloatParameter;
import dev.hpo.space.IntParameter;
import dev.hpo.space.Parameter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a study spec in the JSON format {@link StudySpecParser} reads, with every default spelled out, so that
 * {@code parse(toJson(spec))} equals {@code spec}.
 */
public final class StudySpecWriter {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StudySpecWriter() {
    }

    public static String toJson(StudySpec spec) {
        try {
            return MAPPER.writeValueAsString(toTree(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static ObjectNode toTree(StudySpec spec) {
        ObjectNode root = F.objectNode();
        root.put("name", spec.name());
        spec.description().ifPresent(d -> root.put("description", d));
        ArrayNode objectives = root.putArray("objectives");
        for (Objective o : spec.objectives()) {
            objectives.addObject().put("metric", o.metric()).put("goal", o.goal().name());
        }
        ArrayNode constraints = root.putArray("constraints");
        for (Constraint c : spec.constraints()) {
            ObjectNode node = constraints.addObject().put("metric", c.metric());
            c.min().ifPresent(min -> node.put("min", min));
            c.max().ifPresent(max -> node.put("max", max));
            switch (c.baseline()) {
                case MIN -> node.put("min", StudySpecParser.BASELINE);
                case MAX -> node.put("max", StudySpecParser.BASELINE);
                default -> {
                }
            }
        }
        root.set("algorithm", algorithm(spec.algorithm()));
        ObjectNode budget = root.putObject("budget").put("maxTrials", spec.budget().maxTrials());
        spec.budget().maxDuration().ifPresent(d -> budget.put("maxDuration", Durations.format(d)));
        budget.put("parallelism", spec.budget().parallelism());
        root.set("trialSettings", trialSettings(spec.trialSettings()));
        ObjectNode fidelity = root.putObject("fidelity").put("unit", spec.fidelity().unit().name());
        if (spec.fidelity().unit() == FidelityUnit.STEPS) {
            fidelity.put("max", (long) spec.fidelity().max());
        }
        ArrayNode parameters = root.putArray("parameters");
        for (Parameter p : spec.searchSpace().parameters()) {
            parameters.add(parameter(p));
        }
        root.put("seed", spec.seed());
        spec.confirm().ifPresent(c -> root.putObject("confirm").put("top", c.top()).put("repeats", c.repeats()));
        if (spec.artifacts().keepsAny()) {
            root.putObject(ArtifactSettingsParser.FIELD).put("keep", spec.artifacts().keep());
        }
        return root;
    }

    private static ObjectNode algorithm(AlgorithmSettings a) {
        ObjectNode node = F.objectNode().put("name", a.name().name()).put("populationSize", a.populationSize());
        EarlyStopping e = a.earlyStopping();
        ObjectNode stopping = node.putObject("earlyStopping").put("rule", e.rule().name());
        if (e.rule() != StoppingRule.NONE) {
            stopping.put("metric", e.metric()).put("goal", e.goal().name()).put("minFraction", e.minFraction());
            if (e.rule() == StoppingRule.MEDIAN) {
                stopping.put("minTrials", e.minTrials());
            } else {
                stopping.put("reductionFactor", e.reductionFactor());
            }
        }
        return node;
    }

    private static ObjectNode trialSettings(TrialSettings t) {
        ObjectNode node = F.objectNode()
                .put("timeCap", Durations.format(t.timeCap()))
                .put("repeats", t.repeats())
                .put("heartbeatTimeout", Durations.format(t.heartbeatTimeout()))
                .put("maxRetries", t.maxRetries());
        t.dataset().ifPresent(d -> {
            ObjectNode data = node.putObject("dataset").put("name", d.name().id());
            d.directory().ifPresent(dir -> data.put("directory", dir));
            data.put("trainPerClass", d.trainPerClass()).put("valPerClass", d.valPerClass());
            if (d.name().nativeInput().isEmpty()) {
                data.put("input", d.input().toString()).put("classes", d.classes());
            }
        });
        t.model().ifPresent(m -> node.putObject("model").put("family", m.id()));
        ObjectNode training = node.putObject("training");
        for (Map.Entry<String, Object> e : t.training().entrySet()) {
            training.set(e.getKey(), JsonValues.toJson(e.getValue()));
        }
        return node;
    }

    private static ObjectNode parameter(Parameter p) {
        ObjectNode node = F.objectNode().put("name", p.name());
        if (p instanceof FloatParameter f) {
            node.put("type", "float").put("min", f.min()).put("max", f.max());
            node.put("scale", f.scale().name().toLowerCase(Locale.ROOT));
        } else if (p instanceof IntParameter n) {
            node.put("type", "int").put("min", n.min()).put("max", n.max());
            node.put("scale", n.scale().name().toLowerCase(Locale.ROOT));
        } else if (p instanceof CategoricalParameter c) {
            node.put("type", "categorical").set("values", values(c.values()));
        } else if (p instanceof FixedParameter x) {
            node.put("type", "fixed").set("value", JsonValues.toJson(x.value()));
        }
        p.condition().ifPresent(c -> node.putObject("when").set(c.parent(), values(c.values())));
        return node;
    }

    private static ArrayNode values(List<Object> values) {
        ArrayNode array = F.arrayNode();
        values.forEach(v -> array.add(JsonValues.toJson(v)));
        return array;
    }
}
