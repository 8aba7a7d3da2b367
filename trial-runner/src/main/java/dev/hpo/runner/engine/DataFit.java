package dev.hpo.runner.engine;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.runner.data.TrialData;

/** Whether a trial's data fits its network, checked alike by every engine before it trains. */
public final class DataFit {

    private DataFit() {
    }

    /**
     * @throws IllegalArgumentException when the images' shape is not the network's scaled input, the class counts
     *     differ or a subset is empty
     */
    public static void require(ArchitectureSpec architecture, TrialData data) {
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
