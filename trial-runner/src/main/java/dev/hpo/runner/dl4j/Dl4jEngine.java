package dev.hpo.runner.dl4j;

import dev.hpo.arch.ArchitectureCost;
import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.CostModel;
import dev.hpo.arch.InputShape;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.engine.TimeBudget;
import dev.hpo.runner.engine.TrainingEngine;
import dev.hpo.runner.engine.TrainingListener;
import dev.hpo.runner.engine.TrialResult;
import dev.hpo.trial.TrialPlan;
import java.util.function.LongSupplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;

/** Trains with Deeplearning4j on ND4J's oneDNN CPU backend (or its CUDA backend when built with it). */
public final class Dl4jEngine implements TrainingEngine {

    public static final String NAME = "dl4j";

    /** Kept free at the end of the cap for what follows the evaluation (result, JSON, shutdown). */
    private static final double SLACK_SECONDS = 0.5;

    private final LongSupplier nanoClock;

    /** For {@link java.util.ServiceLoader}. */
    public Dl4jEngine() {
        this(System::nanoTime);
    }

    Dl4jEngine(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TrialResult train(TrialPlan plan, TrialData data, TrainingListener listener) {
        TimeBudget budget = new TimeBudget(plan.timeCap(), SLACK_SECONDS, nanoClock);
        ArchitectureSpec architecture = plan.architecture();
        requireFits(architecture, data);
        ArchitectureCost cost = CostModel.of(architecture);
        Nd4j.getRandom().setSeed(plan.training().seed());
        ComputationGraph net = GraphFactory.build(architecture.layout(), plan.training());
        if (plan.training().whitening()) {
            PatchWhitening.initialise(net, data.train(), plan.training().seed());
        }
        return new TrialRun(NAME, net, plan.training(), data, budget, listener, cost).run();
    }

    private static void requireFits(ArchitectureSpec architecture, TrialData data) {
        InputShape expected = architecture.scaledInput();
        if (!data.train().shape().equals(expected) || !data.validation().shape().equals(expected)) {
            throw new IllegalArgumentException("data shape " + data.train().shape() + " does not match the network's"
                    + " scaled input " + expected);
        }
        if (data.classes() != architecture.classes()) {
            throw new IllegalArgumentException("data has " + data.classes() + " classes but the network "
                    + architecture.classes());
        }
        if (data.train().size() == 0 || data.validation().size() == 0) {
            throw new IllegalArgumentException("training and validation sets must not be empty");
        }
    }
}
