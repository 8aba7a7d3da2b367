package dev.hpo.runner.worker;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device a worker trains on. One worker per GPU: a worker for {@code cuda:N} shows its trials only GPU N,
 * and a CPU worker shows them none, so a CUDA build never grabs a GPU another worker owns.
 *
 * @param gpu the GPU index, or -1 for the CPU
 */
record Device(int gpu) {

    private static final Pattern CUDA = Pattern.compile("cuda:(\\d+)");

    static Device cpu() {
        return new Device(-1);
    }

    /** @throws IllegalArgumentException for anything but {@code cpu} or {@code cuda:N} */
    static Device parse(String text) {
        if ("cpu".equals(text)) {
            return cpu();
        }
        Matcher m = CUDA.matcher(text);
        if (m.matches()) {
            return new Device(Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("--device must be cpu or cuda:N (e.g. cuda:0), got '" + text + "'");
    }

    Map<String, String> environment() {
        return Map.of("CUDA_VISIBLE_DEVICES", gpu < 0 ? "" : Integer.toString(gpu));
    }

    @Override
    public String toString() {
        return gpu < 0 ? "cpu" : "cuda:" + gpu;
    }
}
