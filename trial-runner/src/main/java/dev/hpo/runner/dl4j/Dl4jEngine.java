package dev.hpo.runner.dl4j;

import dev.hpo.arch.ArchitectureCost;
import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.CostModel;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.engine.DataFit;
import dev.hpo.runner.engine.NetworkExport;
import dev.hpo.runner.engine.TrialStatus;
import dev.hpo.runner.model.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
        return train(plan, data, listener, clock, Optional.empty());
    }

    @Override
    public boolean savesNetworks() {
        return true;
    }

    @Override
    public TrialResult train(TrialPlan plan, TrialData data, TrainingListener listener, TrialClock clock,
                             NetworkExport export) {
        return train(plan, data, listener, clock, Optional.of(export));
    }

    private TrialResult train(TrialPlan plan, TrialData data, TrainingListener listener, TrialClock clock,
                              Optional<NetworkExport> export) {
        TimeBudget budget = new TimeBudget(plan.timeCap(), SLACK_SECONDS, clock);
        ArchitectureSpec architecture = plan.architecture();
        DataFit.require(architecture, data);
        ArchitectureCost cost = CostModel.of(architecture);
        Nd4j.getRandom().setSeed(plan.training().seed());
        ComputationGraph net = GraphFactory.build(architecture.layout(), plan.training());
        if (plan.training().whitening()) {
            PatchWhitening.initialise(net, data.train(), plan.training().seed());
        }
        TrialResult result = new TrialRun(NAME, net, plan.training(), data, budget, listener, cost).run();
        if (result.status() == TrialStatus.COMPLETE && export.isPresent()) {
            save(net, new ModelCard(NAME, plan, data.classNames(), data.normalisation(), export.get().study(),
                    result.accuracy()), export.get().file());
        }
        return result;
    }

    private static void save(ComputationGraph net, ModelCard card, Path file) {
        try {
            SavedNetwork.save(net, card, file);
        } catch (IOException | RuntimeException e) {
            // The trial's result stands without its network; the worker finds no file and uploads nothing.
            System.err.println("could not save the trained network to " + file + ": " + e.getMessage());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Nothing more can be done about a file that cannot be written or deleted.
            }
        }
    }
}
