package dev.hpo.runner.dl4j;

import dev.hpo.trial.TrainingOptions;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;

/** Maps a trial's optimizer and weight decay onto DL4J's updaters and regularization. */
final class Updaters {

    private static final double SECOND_MOMENT_DECAY = 0.999;
    private static final double EPSILON = 1e-8;
    /** PyTorch's RMSprop default smoothing, so tuned learning rates carry over. */
    private static final double RMS_DECAY = 0.99;

    private Updaters() {
    }

    static IUpdater of(TrainingOptions options) {
        double lr = options.learningRate();
        double beta1 = options.momentum();
        return switch (options.optimizer()) {
            case SGD -> new Nesterovs(lr, options.momentum());
            case ADAM, ADAMW -> new Adam(lr, beta1, SECOND_MOMENT_DECAY, EPSILON);
            case ADAMAX -> new AdaMax(lr, beta1, SECOND_MOMENT_DECAY, EPSILON);
            case ADAGRAD -> new AdaGrad(lr, EPSILON);
            case RMSPROP -> new RmsProp(lr, RMS_DECAY, EPSILON);
        };
    }

    /**
     * Decays weights only: DL4J regularizes biases separately (left at 0) and batch norm never, matching the
     * reference recipe's "no decay on 1-d parameters". AdamW's decay is decoupled (applied after the update rule,
     * scaled by the learning rate); every other optimizer adds it to the gradient as L2.
     */
    static void regularize(NeuralNetConfiguration.Builder builder, TrainingOptions options) {
        if (options.weightDecay() == 0) {
            return;
        }
        switch (options.optimizer()) {
            case ADAMW -> builder.weightDecay(options.weightDecay(), true);
            default -> builder.l2(options.weightDecay());
        }
    }
}
