package dev.hpo.bench.optimizer.lcbench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAHPO Gym LCBench surrogate (resources {@code lcbench/}, Apache-2.0, see its README there): a network trained
 * on the learning curves of LCBench that predicts, for a task, a configuration and an epoch, what training that
 * configuration to that epoch would have measured. Evaluated with ONNX Runtime on one CPU thread, since the search
 * API shares the machine's cores with it. Thread-safe; close it to free the native session.
 */
public final class LcBenchSurrogate implements AutoCloseable {

    /** Epochs of a full run: the last epoch the surrogate knows. */
    public static final int EPOCHS = 52;

    /** Columns of the graph's output. */
    static final int TIME = 0;
    static final int VAL_ACCURACY = 1;

    private static final String RESOURCES = "/lcbench/";
    private static final int CONTINUOUS_INPUTS = 8;

    private final OrtEnvironment environment;
    private final OrtSession session;
    /** OpenML task id -> the integer code the graph's embedding takes. */
    private final Map<Integer, Integer> taskCodes;

    private LcBenchSurrogate(OrtEnvironment environment, OrtSession session, Map<Integer, Integer> taskCodes) {
        this.environment = environment;
        this.session = session;
        this.taskCodes = taskCodes;
    }

    /**
     * Loads the surrogate from the module's resources.
     *
     * @throws IllegalStateException when ONNX Runtime cannot load the graph
     */
    public static LcBenchSurrogate load() {
        byte[] model = resource("model.onnx");
        Map<Integer, Integer> codes = new HashMap<>();
        try {
            JsonNode encoding = new ObjectMapper().readTree(resource("encoding.json")).get("OpenML_task_id");
            encoding.fields().forEachRemaining(e -> {
                if (!e.getKey().startsWith("#")) {
                    codes.put(Integer.parseInt(e.getKey()), e.getValue().asInt());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("lcbench/encoding.json is not JSON", e);
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return new LcBenchSurrogate(environment, environment.createSession(model, options), Map.copyOf(codes));
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the LCBench surrogate: " + e.getMessage(), e);
        }
    }

    /** Whether the surrogate knows the OpenML task. */
    public boolean knows(int task) {
        return taskCodes.containsKey(task);
    }

    /**
     * The validation accuracy (0 to 100) the configuration reaches on the task after each epoch.
     *
     * @return {@value #EPOCHS} values, epoch 1 first
     * @throws IllegalArgumentException when the task is not one of the surrogate's
     */
    public double[] learningCurve(int task, LcBenchConfig config) {
        float[][] inputs = new float[EPOCHS][];
        for (int e = 0; e < EPOCHS; e++) {
            inputs[e] = config.inputs(e + 1);
        }
        float[][] rows = predict(task, inputs);
        double[] curve = new double[EPOCHS];
        for (int e = 0; e < EPOCHS; e++) {
            curve[e] = rows[e][VAL_ACCURACY];
        }
        return curve;
    }

    /**
     * The validation accuracy (0 to 100) each configuration reaches on the task after {@code epoch} epochs, in one
     * evaluation of the graph.
     */
    public double[] valAccuracy(int task, List<LcBenchConfig> configs, int epoch) {
        float[][] inputs = new float[configs.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = configs.get(i).inputs(epoch);
        }
        float[][] rows = predict(task, inputs);
        double[] accuracy = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            accuracy[i] = rows[i][VAL_ACCURACY];
        }
        return accuracy;
    }

    /**
     * The graph's six outputs for each row of continuous inputs (epoch, then the seven parameters) on the task.
     *
     * @throws IllegalArgumentException when the task is not one of the surrogate's
     */
    float[][] predict(int task, float[][] continuous) {
        Integer code = taskCodes.get(task);
        if (code == null) {
            throw new IllegalArgumentException("task " + task + " is not one of the LCBench surrogate's tasks");
        }
        int n = continuous.length;
        int[] cat = new int[n];
        float[] cont = new float[n * CONTINUOUS_INPUTS];
        for (int i = 0; i < n; i++) {
            cat[i] = code;
            System.arraycopy(continuous[i], 0, cont, i * CONTINUOUS_INPUTS, CONTINUOUS_INPUTS);
        }
        try (OnnxTensor xCat = OnnxTensor.createTensor(environment, IntBuffer.wrap(cat), new long[] {n, 1});
             OnnxTensor xCont = OnnxTensor.createTensor(environment, FloatBuffer.wrap(cont),
                     new long[] {n, CONTINUOUS_INPUTS});
             OrtSession.Result result = session.run(Map.of("x_cat", xCat, "x_cont", xCont))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("the LCBench surrogate failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("could not close the LCBench surrogate's session", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = LcBenchSurrogate.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCES + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCES + name, e);
        }
    }
}
