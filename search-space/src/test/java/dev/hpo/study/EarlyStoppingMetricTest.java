package dev.hpo.study;

import static dev.hpo.study.StudySpecParserTest.errors;
import static dev.hpo.study.StudySpecParserTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which metric an early-stopping rule compares, and which way: always one the study optimises or constrains. */
class EarlyStoppingMetricTest {

    /** A study trained by its own script, which reports {@code val_accuracy}; {@code rule} is its stopping rule. */
    private static Consumer<ObjectNode> customTrial(Consumer<ObjectNode> rule) {
        return s -> {
            ((ObjectNode) s.get("trialSettings")).remove(List.of("model", "dataset", "training"));
            s.putArray("objectives").addObject().put("metric", "val_accuracy").put("goal", "MAXIMIZE");
            s.putArray("constraints");
            rule.accept(((ObjectNode) s.get("algorithm")).putObject("earlyStopping").put("rule", "ASHA"));
        };
    }

    private static EarlyStopping rule(Consumer<ObjectNode> change) {
        return parse(change).algorithm().earlyStopping();
    }

    @Test
    void theMetricDefaultsToTheFirstObjectivesMetric() {
        EarlyStopping asha = rule(customTrial(e -> { }));

        assertThat(asha.metric()).isEqualTo("val_accuracy");
        assertThat(asha.goal()).isEqualTo(Goal.MAXIMIZE);
    }

    @Test
    void aMetricNoObjectiveOrConstraintNamesIsRejected() {
        assertThat(errors(customTrial(e -> e.put("metric", "accuracy")))).containsExactly(
                new FieldError("algorithm.earlyStopping.metric", "\"accuracy\" is named by no objective or "
                        + "constraint; early stopping compares trials on what the study optimises or constrains: "
                        + "val_accuracy"));
    }

    @Test
    void theGoalFollowsTheObjectiveOnTheMetric() {
        Consumer<ObjectNode> minimiseLoss = s -> s.putArray("objectives").addObject().put("metric", "val_loss")
                .put("goal", "MINIMIZE");

        assertThat(rule(customTrial(e -> { }).andThen(minimiseLoss)).goal()).isEqualTo(Goal.MINIMIZE);
        assertThat(errors(customTrial(e -> e.put("goal", "MAXIMIZE")).andThen(minimiseLoss))).containsExactly(
                new FieldError("algorithm.earlyStopping.goal",
                        "must be MINIMIZE, the goal of the objective on val_loss, got MAXIMIZE"));
    }

    @Test
    void aMetricOnlyAConstraintNamesMovesIntoItsBoundAndNeedsAGoalWhenBoundedOnBothSides() {
        Consumer<ObjectNode> onLoss = e -> e.put("metric", "val_loss");

        assertThat(rule(customTrial(onLoss).andThen(s -> s.withArray("constraints").addObject()
                .put("metric", "val_loss").put("max", 0.5))).goal()).isEqualTo(Goal.MINIMIZE);
        assertThat(rule(customTrial(onLoss).andThen(s -> s.withArray("constraints").addObject()
                .put("metric", "val_loss").put("min", 0.1))).goal()).isEqualTo(Goal.MAXIMIZE);
        Consumer<ObjectNode> bothSides = s -> s.withArray("constraints").addObject().put("metric", "val_loss")
                .put("min", 0.1).put("max", 0.5);
        assertThat(errors(customTrial(onLoss).andThen(bothSides))).containsExactly(
                new FieldError("algorithm.earlyStopping.goal", "is required: the constraint on val_loss bounds it "
                        + "from both sides, which does not say whether higher or lower is better"));
        assertThat(rule(customTrial(onLoss.andThen(e -> e.put("goal", "minimize"))).andThen(bothSides)).goal())
                .isEqualTo(Goal.MINIMIZE);
    }

    @Test
    void withTheBuiltInTrainerTheDefaultSkipsMetricsKnownBeforeTraining() {
        // Minimise macs subject to accuracy >= 0.85: macs never changes while a trial trains, accuracy does.
        EarlyStopping median = rule(s -> ((ObjectNode) s.get("algorithm")).putObject("earlyStopping")
                .put("rule", "MEDIAN"));
        assertThat(median.metric()).isEqualTo("accuracy");
        assertThat(median.goal()).isEqualTo(Goal.MAXIMIZE);

        assertThat(errors(s -> {
            s.putArray("constraints");
            ((ObjectNode) s.get("algorithm")).putObject("earlyStopping").put("rule", "MEDIAN");
        })).containsExactly(new FieldError("algorithm.earlyStopping.metric", "is required: no objective or "
                + "constraint names a metric trials report while they train (the built-in trainer reports accuracy, "
                + "loss), so early stopping has nothing to compare"));
    }

    @Test
    void withTwoObjectivesTheMetricMustNameOneOfThem() {
        Consumer<ObjectNode> twoObjectives = s -> {
            s.putArray("objectives").add(s.objectNode().put("metric", "accuracy").put("goal", "MAXIMIZE"))
                    .add(s.objectNode().put("metric", "macs").put("goal", "MINIMIZE"));
            s.putArray("constraints").addObject().put("metric", "loss").put("max", 2.0);
            ((ObjectNode) s.get("algorithm")).put("name", "NSGA2");
        };

        EarlyStopping asha = rule(twoObjectives.andThen(s -> ((ObjectNode) s.get("algorithm"))
                .putObject("earlyStopping").put("rule", "ASHA")));
        assertThat(asha.metric()).isEqualTo("accuracy");
        assertThat(errors(twoObjectives.andThen(s -> ((ObjectNode) s.get("algorithm")).putObject("earlyStopping")
                .put("rule", "ASHA").put("metric", "loss")))).containsExactly(
                new FieldError("algorithm.earlyStopping.metric", "with two objectives trials are compared on both, "
                        + "by Pareto rank; name one of them (accuracy, macs) or leave metric out, not \"loss\""));
    }
}
