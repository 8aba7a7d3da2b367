package dev.hpo.runner.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device a trial trains on: the CPU or one GPU. A worker for {@code cuda:N} shows its trial processes only
 * GPU N ({@link #environment()}), and they see it as {@code cuda:0} ({@link #asSeenByTrials()}), so an engine never
 * grabs a GPU another worker owns.
 *
 * @param gpu the GPU index, or -1 for the CPU
 */
public record Device(int gpu) {

    private static final Pattern CUDA = Pattern.compile("cuda:(\\d+)");

    public Device {
        if (gpu < -1) {
            throw new IllegalArgumentException("gpu must be -1 (the CPU) or a GPU index, got " + gpu);
        }
    }

    public static Device cpu() {
        return new Device(-1);
    }

    /** @throws IllegalArgumentException for anything but {@code cpu} or {@code cuda:N} */
    public static Device parse(String text) {
        if ("cpu".equals(text)) {
            return cpu();
        }
        Matcher m = CUDA.matcher(text == null ? "" : text);
        if (m.matches()) {
            try {
                return new Device(Integer.parseInt(m.group(1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--device GPU index is too large: '" + text + "'");
            }
        }
        throw new IllegalArgumentException("--device must be cpu or cuda:N (e.g. cuda:0), got '" + text + "'");
    }

    public boolean isGpu() {
        return gpu >= 0;
    }

    /** The variables that show a trial process this device's GPU only (none on the CPU). */
    public Map<String, String> environment() {
        return Map.of("CUDA_VISIBLE_DEVICES", gpu < 0 ? "" : Integer.toString(gpu));
    }

    /** This device inside a trial process started with {@link #environment()}: its one GPU is {@code cuda:0}. */
    public Device asSeenByTrials() {
        return gpu < 0 ? this : new Device(0);
    }

    @Override
    public String toString() {
        return gpu < 0 ? "cpu" : "cuda:" + gpu;
    }
}
