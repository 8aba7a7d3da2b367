package dev.hpo.arch;

import java.util.Arrays;

/**
 * The concrete sizes of a scaled network: what the cost model counts and what a training engine builds.
 * Both read this one description, so a trained model's parameter count always matches the predicted one.
 */
public sealed interface NetworkLayout {

    InputShape input();

    int classes();

    /**
     * ResNet-9: prep conv; layer 1 conv + 2x2 max pool + {@code residual1} residual pairs; layer 2 conv + pool;
     * layer 3 conv + pool + {@code residual3} residual pairs; global max pool; linear without bias.
     * Every conv is 3x3, stride 1, padding 1, without bias, followed by batch norm and the activation.
     */
    record ResNet9(InputShape input, int classes, int prep, int layer1, int layer2, int layer3,
                   int residual1, int residual3) implements NetworkLayout {
    }

    /**
     * ResNet-18 (CIFAR variant): 3x3 stem; four stages of basic blocks (two 3x3 convs with batch norm), the first
     * block of stages 2-4 with stride 2; a 1x1 conv + batch norm projection shortcut wherever the stride or the
     * channel count changes; global average pool; linear with bias.
     */
    record ResNet18(InputShape input, int classes, int stem, int[] stageChannels, int[] stageBlocks)
            implements NetworkLayout {

        public ResNet18 {
            stageChannels = stageChannels.clone();
            stageBlocks = stageBlocks.clone();
        }

        @Override
        public int[] stageChannels() {
            return stageChannels.clone();
        }

        @Override
        public int[] stageBlocks() {
            return stageBlocks.clone();
        }

        /** Stride of the first block of stage {@code stage} (0-based). */
        public static int stageStride(int stage) {
            return stage == 0 ? 1 : 2;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ResNet18 other && input.equals(other.input) && classes == other.classes
                    && stem == other.stem && Arrays.equals(stageChannels, other.stageChannels)
                    && Arrays.equals(stageBlocks, other.stageBlocks);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * input.hashCode() + Arrays.hashCode(stageChannels)) + Arrays.hashCode(stageBlocks);
        }

        @Override
        public String toString() {
            return "ResNet18[input=" + input + ", classes=" + classes + ", stem=" + stem + ", stageChannels="
                    + Arrays.toString(stageChannels) + ", stageBlocks=" + Arrays.toString(stageBlocks) + "]";
        }
    }
}
