package dev.hpo.bench.optimizer.lcbench;

import java.util.Map;

/**
 * One configuration of LCBench's funnel-shaped MLP: the seven parameters the surrogate takes, named in a study as
 * {@link LcBenchSpace} names them.
 *
 * @param batchSize 16 to 512
 * @param learningRate 1e-4 to 1e-1
 * @param momentum 0.1 to 0.99
 * @param weightDecay 1e-5 to 1e-1
 * @param numLayers 1 to 5
 * @param maxUnits 64 to 1024
 * @param maxDropout 0 to 1
 */
public record LcBenchConfig(long batchSize, double learningRate, double momentum, double weightDecay,
                            long numLayers, long maxUnits, double maxDropout) {

    /** LCBench's default configuration, the one the surrogate's README gives its sanity figures for. */
    public static final LcBenchConfig DEFAULT = new LcBenchConfig(91, 0.0031622777, 0.545, 0.050005, 3, 256, 0.5);

    /**
     * The configuration a study's trial runs, from its parameters by name; numbers of any type.
     *
     * @throws IllegalArgumentException naming the parameter that is missing or not a number
     */
    public static LcBenchConfig of(Map<String, ?> parameters) {
        return new LcBenchConfig(Math.round(number(parameters, LcBenchSpace.BATCH_SIZE)),
                number(parameters, LcBenchSpace.LEARNING_RATE), number(parameters, LcBenchSpace.MOMENTUM),
                number(parameters, LcBenchSpace.WEIGHT_DECAY), Math.round(number(parameters, LcBenchSpace.NUM_LAYERS)),
                Math.round(number(parameters, LcBenchSpace.MAX_UNITS)), number(parameters, LcBenchSpace.MAX_DROPOUT));
    }

    /** The graph's continuous inputs at {@code epoch}: the epoch, then the parameters in the graph's order. */
    float[] inputs(int epoch) {
        return new float[] {epoch, batchSize, (float) learningRate, (float) momentum, (float) weightDecay, numLayers,
                maxUnits, (float) maxDropout};
    }

    private static double number(Map<String, ?> parameters, String name) {
        Object value = parameters.get(name);
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("parameter " + name + " must be a number, got " + value);
        }
        return n.doubleValue();
    }
}
