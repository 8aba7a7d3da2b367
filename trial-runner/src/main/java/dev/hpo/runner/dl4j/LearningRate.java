package dev.hpo.runner.dl4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Sets a network's learning rate between steps by changing it on the updater configurations the update rules
 * read, in place. DL4J's {@code NetworkUtils.setLearningRate} instead builds a new updater and copies the
 * optimizer state over on every call.
 */
final class LearningRate {

    private final List<IUpdater> configurations;

    /** Creates the network's updater if it has none yet; it must not be replaced afterwards. */
    LearningRate(ComputationGraph net) {
        Set<IUpdater> found = Collections.newSetFromMap(new IdentityHashMap<>());
        for (UpdaterBlock block : net.getUpdater().getUpdaterBlocks()) {
            found.add(block.getGradientUpdater().getConfig());
        }
        // The layers' own configurations too, so that an updater built from them later starts at the same rate.
        for (Layer layer : net.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer base) {
                found.add(base.getIUpdater());
                if (base.getBiasUpdater() != null) {
                    found.add(base.getBiasUpdater());
                }
            }
        }
        List<IUpdater> settable = new ArrayList<>();
        for (IUpdater configuration : found) {
            // Frozen layers (the whitening stem) update with NoOp, which has no rate.
            if (configuration.hasLearningRate()) {
                settable.add(configuration);
            }
        }
        this.configurations = List.copyOf(settable);
    }

    void set(double rate) {
        for (IUpdater configuration : configurations) {
            configuration.setLrAndSchedule(rate, null);
        }
    }
}
