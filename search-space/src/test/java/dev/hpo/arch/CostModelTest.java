package dev.hpo.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostModelTest {

    private static ArchitectureSpec spec(String family, String input, double depth, double width, double resolution) {
        return new ArchitectureSpec(ModelFamily.fromId(family), InputShape.parse(input), 10, depth, width, resolution);
    }

    @ParameterizedTest(name = "{0} {1}: {2} MACs, {3} params")
    @CsvSource({
        "resnet9,  3x32x32, 379261952, 6573120",
        "resnet9,  1x28x28, 274135040, 6571968",
        "resnet18, 3x32x32, 555422720, 11173962",
    })
    void countsTheBaselinesExactly(String family, String input, long macs, long params) {
        ArchitectureCost cost = CostModel.of(spec(family, input, 1, 1, 1));

        assertThat(cost.macs()).isEqualTo(macs);
        assertThat(cost.params()).isEqualTo(params);
    }

    @ParameterizedTest(name = "{0}: width 0.5 costs {1} of the baseline's MACs")
    @CsvSource({"resnet9, 0.25", "resnet18, 0.25"})
    void halvingWidthRoughlyQuartersMacs(String family, double expectedRatio) {
        double ratio = (double) CostModel.of(spec(family, "3x32x32", 1, 0.5, 1)).macs()
                / CostModel.of(spec(family, "3x32x32", 1, 1, 1)).macs();

        assertThat(ratio).isCloseTo(expectedRatio, within(0.01));
    }

    @ParameterizedTest(name = "{0}: resolution 2 costs 4x")
    @CsvSource({"resnet9", "resnet18"})
    void doublingResolutionRoughlyQuadruplesMacs(String family) {
        double ratio = (double) CostModel.of(spec(family, "3x32x32", 1, 1, 2)).macs()
                / CostModel.of(spec(family, "3x32x32", 1, 1, 1)).macs();

        assertThat(ratio).isCloseTo(4.0, within(0.01));
    }

    @Test
    void resolutionDoesNotChangeParameters() {
        assertThat(CostModel.of(spec("resnet9", "3x32x32", 1, 1, 1.5)).params()).isEqualTo(6_573_120);
    }

    @ParameterizedTest(name = "{0} depth {1}: {2} MACs")
    @CsvSource({
        // ResNet-9 without residual pairs: 379,261,952 minus two pairs of 75,497,472 MACs.
        "resnet9, 0.4, 228267008",
        // Two residual pairs after layers 1 and 3.
        "resnet9, 2.0, 530256896",
        // ResNet-18 with one block per stage: ResNet-10.
        "resnet18, 0.5, 253432832",
    })
    void depthAddsOrRemovesResidualBlocks(String family, double depth, long macs) {
        assertThat(CostModel.of(spec(family, "3x32x32", depth, 1, 1)).macs()).isEqualTo(macs);
    }

    @Test
    void widthRoundsChannelsHalfUp() {
        NetworkLayout.ResNet9 layout = (NetworkLayout.ResNet9) spec("resnet9", "3x32x32", 1, 0.3, 1).layout();

        // 64 * 0.3 = 19.2, 128 * 0.3 = 38.4, 256 * 0.3 = 76.8, 512 * 0.3 = 153.6
        assertThat(new int[] {layout.prep(), layout.layer1(), layout.layer2(), layout.layer3()})
                .containsExactly(19, 38, 77, 154);
    }

    @Test
    void oddSidesFloorAtEachPool() {
        // 28 -> 14 -> 7 -> 3: the first residual pair works on 14x14 maps, the last on 3x3.
        long pairs = 2L * 128 * 128 * 9 * 14 * 14 + 2L * 512 * 512 * 9 * 3 * 3;
        long withoutPairs = CostModel.of(spec("resnet9", "1x28x28", 0.4, 1, 1)).macs();
        long full = CostModel.of(spec("resnet9", "1x28x28", 1, 1, 1)).macs();

        assertThat(full - withoutPairs).isEqualTo(pairs);
    }

    @Test
    void rejectsResolutionThatLeavesTooFewPixels() {
        assertThatThrownBy(() -> spec("resnet9", "1x28x28", 1, 1, 0.25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below the minimum side 8");
    }

    @Test
    void rejectsNonPositiveMultipliers() {
        assertThatThrownBy(() -> spec("resnet9", "3x32x32", 1, 0, 1))
                .hasMessageContaining("width multiplier must be a positive finite number");
        assertThatThrownBy(() -> spec("resnet9", "3x32x32", Double.NaN, 1, 1))
                .hasMessageContaining("depth multiplier");
    }
}
