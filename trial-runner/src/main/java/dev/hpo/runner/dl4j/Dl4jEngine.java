package dev.hpo.runner.dl4j;

import dev.hpo.arch.ArchitectureCost;
import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.CostModel;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.engine.DataFit;
import dev.hpo.runner.engine.TimeBudget;
import dev.hpo.runner.engine.TrialClock;
import dev.hpo.runner.engine.TrainingEngine;
import dev.hpo.runner.engine.TrainingListener;
import dev.hpo.runner.engine.TrialResult;
import dev.hpo.trial.TrialPlan;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;

/** Trains with Deeplearning4j on ND4J's oneDNN CPU backend (or its CUDA backend when built with it). */
public final class Dl4jEngine implements TrainingEngine {

    public static final String NAME = "dl4j";

    /** Kept free at the end of the cap for what follows the evaluation (result, JSON, shutdown). */
    private static final double SLACK_SECONDS = 0.5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TrialResult train(TrialPlan plan, TrialData data, TrainingListener listener, TrialClock clock) {
        TimeBudget budget = new TimeBudget(plan.timeCap(), SLACK_SECONDS, clock);
        ArchitectureSpec architecture = plan.architecture();
        DataFit.require(architecture, data);
        ArchitectureCost cost = CostModel.of(architecture);
        Nd4j.getRandom().setSeed(plan.training().seed());
        ComputationGraph net = GraphFactory.build(architecture.layout(), plan.training());
        if (plan.training().whitening()) {
            PatchWhitening.initialise(net, data.train(), plan.training().seed());
        }
        return new TrialRun(NAME, net, plan.training(), data, budget, listener, cost).run();
    }
}
