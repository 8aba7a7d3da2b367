package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * Restores the class DL4J 1.0.0-M2.1's oneDNN layer helpers look for before they switch on.
 *
 * <p>{@code BaseMKLDNNHelper.mklDnnEnabled()} loads {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by name and
 * calls {@code getInstance().isUseMKLDNN()}, but the M2.1 backend moved that class to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and renamed the method {@code isUseONEDNN}.
 * The failed lookup silently disables every oneDNN helper (convolution, batch norm, pooling), halving training
 * speed. This class answers under the old name by asking the new one. It is reached only by that lookup, reflects
 * on the new class so the module still compiles against the CUDA backend, and is inert there
 * ({@code mklDnnEnabled()} checks for the CPU backend first).
 */
public final class Nd4jCpu {

    private static final String CURRENT_ENVIRONMENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

    private Nd4jCpu() {
    }

    /** The old name of the native environment; only the two members the helper check calls. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the native library was built with oneDNN and has it switched on. */
        public boolean isUseMKLDNN() {
            try {
                Class<?> current = Class.forName(CURRENT_ENVIRONMENT);
                Object environment = current.getMethod("getInstance").invoke(null);
                Method useOneDnn = current.getMethod("isUseONEDNN");
                return (Boolean) useOneDnn.invoke(environment);
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
    }
}
