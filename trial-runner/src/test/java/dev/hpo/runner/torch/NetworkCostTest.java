package dev.hpo.runner.torch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hpo.arch.ArchitectureCost;
import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.CostModel;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The networks the PyTorch engine builds have exactly the MACs and trainable parameters the cost model predicts,
 * counted from the built torch modules (one forward pass with a hook on every convolution and linear layer), for
 * the baselines and scaled variants of both families: odd sides, strided ceilings, zero residual pairs, width
 * rounding, grey and colour inputs.
 */
class NetworkCostTest {

    private static final List<ArchitectureSpec> ARCHITECTURES = List.of(
            spec(ModelFamily.RESNET9, "3x32x32", 10, 1, 1, 1),
            spec(ModelFamily.RESNET9, "1x28x28", 10, 1, 1, 1),
            spec(ModelFamily.RESNET9, "1x28x28", 10, 0.4, 0.125, 0.5),
            spec(ModelFamily.RESNET9, "3x32x32", 100, 2, 0.75, 1.25),
            spec(ModelFamily.RESNET9, "3x84x84", 100, 1, 0.5, 0.5),
            spec(ModelFamily.RESNET9, "1x12x12", 4, 0.4, 0.125, 1),
            spec(ModelFamily.RESNET18, "3x32x32", 10, 1, 1, 1),
            spec(ModelFamily.RESNET18, "1x28x28", 10, 0.5, 0.25, 1),
            spec(ModelFamily.RESNET18, "3x32x32", 10, 1.5, 0.3, 0.875),
            spec(ModelFamily.RESNET18, "3x84x84", 100, 0.25, 0.125, 0.4));

    private static JsonNode counted;

    static Stream<Integer> architectures() {
        return java.util.stream.IntStream.range(0, ARCHITECTURES.size()).boxed();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("architectures")
    void theBuiltNetworkHasTheCostModelsMacsAndParameters(int index) throws Exception {
        ArchitectureSpec spec = ARCHITECTURES.get(index);
        ArchitectureCost predicted = CostModel.of(spec);

        JsonNode cost = counted().get(index);

        assertThat(cost.path("macs").asLong()).as("MACs of %s", spec).isEqualTo(predicted.macs());
        assertThat(cost.path("params").asLong()).as("parameters of %s", spec).isEqualTo(predicted.params());
    }

    /** Every architecture's counts, from one run of the engine (torch loads once). */
    private static synchronized JsonNode counted() throws Exception {
        if (counted == null) {
            ArrayNode layouts = new ObjectMapper().createArrayNode();
            ARCHITECTURES.forEach(spec -> layouts.add(EngineInput.layout(spec.layout())));
            JsonNode event = Torch.event(List.of("cost"), layouts.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(event.path("event").asText()).as(event.toString()).isEqualTo("cost");
            counted = event.get("costs");
        }
        return counted;
    }

    private static ArchitectureSpec spec(ModelFamily family, String input, int classes, double depth, double width,
                                         double resolution) {
        return new ArchitectureSpec(family, InputShape.parse(input), classes, depth, width, resolution);
    }
}
