package dev.hpo.runner.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.CostModel;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.trial.Activation;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrainingOptionsBuilder;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphFactoryTest {

    @ParameterizedTest(name = "{0} depth {1} width {2}")
    @CsvSource({
        "resnet9, 1, 1",
        "resnet9, 0.4, 0.25",
        "resnet9, 2, 0.5",
        "resnet9, 1, 0.5",
        "resnet18, 1, 0.25",
        "resnet18, 0.4, 0.5",
        "resnet18, 2, 0.25",
        "resnet18, 1, 1",
    })
    void trainableParametersEqualTheCostModel(String family, double depth, double width) {
        ArchitectureSpec spec = new ArchitectureSpec(ModelFamily.fromId(family), InputShape.of(3, 16, 16), 10,
                depth, width, 1);
        ComputationGraph net = GraphFactory.build(spec.layout(), TrainingOptions.defaults());

        assertThat(TrainableParameters.count(net)).isEqualTo(CostModel.of(spec).params());
        assertThat(TrainableParameters.mask(net).sumNumber().longValue()).isEqualTo(CostModel.of(spec).params());
    }

    @ParameterizedTest
    @CsvSource({"relu", "celu", "leakyrelu"})
    void frozenWhiteningLeavesTheTrainableCountAndOutputShapeAlone(String activation) {
        ArchitectureSpec spec = new ArchitectureSpec(ModelFamily.RESNET9, InputShape.of(1, 12, 12), 4, 1, 0.25, 1);
        TrainingOptions options = TrainingOptionsBuilder.defaults()
                .activation(Activation.fromId(activation)).whitening(true).build();
        ComputationGraph net = GraphFactory.build(spec.layout(), options);

        assertThat(TrainableParameters.count(net)).isEqualTo(CostModel.of(spec).params());
        assertThat(net.numParams()).isGreaterThan(CostModel.of(spec).params());
        assertThat(net.output(org.nd4j.linalg.factory.Nd4j.rand(2, 1, 12, 12))[0].shape()).containsExactly(2, 4);
    }

    @ParameterizedTest
    @CsvSource({"resnet9", "resnet18"})
    void convolutionsRunThroughOneDnn(String family) {
        ArchitectureSpec spec = new ArchitectureSpec(ModelFamily.fromId(family), InputShape.of(3, 16, 16), 10,
                1, 0.25, 1);
        ComputationGraph net = GraphFactory.build(spec.layout(), TrainingOptions.defaults());

        assertThat(OneDnnHelpers.available()).as("DL4J's oneDNN check").isTrue();
        assertThat(OneDnnHelpers.activeIn(net)).as("every convolution has a oneDNN helper").isTrue();
    }
}
