package dev.hpo.optimizer.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.optimizer.core.UnitCube;
import dev.hpo.space.CategoricalParameter;
import dev.hpo.space.Condition;
import dev.hpo.space.Configuration;
import dev.hpo.space.FloatParameter;
import dev.hpo.space.SearchSpace;
import dev.hpo.study.Objective;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridSearchTest {

    private static final SearchSpace CLASSIC = SearchSpace.of(
            CategoricalParameter.of("optimizer", "sgd", "adam"),
            FloatParameter.log("learningRate", 0.001, 0.1),
            CategoricalParameter.of("sam", "off", "on"),
            FloatParameter.log("samRho", 0.01, 0.1).when(new Condition("sam", List.of("on"))));

    private static List<Configuration> all(GridSearch grid, SearchSpace space) {
        SearchProblem problem = SearchProblem.of(space, Objective.maximize("accuracy"), 1);
        List<Trial> trials = new ArrayList<>();
        List<Configuration> proposals;
        while (!(proposals = grid.propose(problem, trials, 4)).isEmpty()) {
            for (Configuration c : proposals) {
                trials.add(Trial.pending(trials.size(), c));
            }
        }
        return trials.stream().map(Trial::parameters).toList();
    }

    @Test
    void enumeratesTheProductInDeclarationOrderFirstParameterSlowest() {
        List<Configuration> grid = all(new GridSearch(3), CLASSIC);

        // 2 optimizers x 3 learning rates x (1 without SAM + 3 SAM rhos): samRho's levels collapse when SAM is off.
        assertThat(grid).hasSize(2 * 3 * 4);
        assertThat(grid.get(0).values()).containsOnlyKeys("optimizer", "learningRate", "sam")
                .containsEntry("optimizer", "sgd").containsEntry("sam", "off");
        assertThat((Double) grid.get(0).values().get("learningRate")).isCloseTo(0.001, within(1e-15));
        assertThat(grid.get(1).values()).containsEntry("sam", "on");
        assertThat((Double) grid.get(1).values().get("samRho")).isCloseTo(0.01, within(1e-15));
        assertThat((Double) grid.get(2).values().get("samRho")).isCloseTo(Math.sqrt(0.001), within(1e-12));
        assertThat((Double) grid.get(3).values().get("samRho")).isCloseTo(0.1, within(1e-15));
        assertThat(grid.get(4).values()).containsEntry("sam", "off");
        assertThat((Double) grid.get(4).values().get("learningRate")).isCloseTo(0.01, within(1e-15));
        assertThat(grid.get(12).values()).containsEntry("optimizer", "adam");
        assertThat(grid).doesNotHaveDuplicates();
    }

    @Test
    void countsItsPoints() {
        assertThat(new GridSearch(3).size(new UnitCube(CLASSIC))).isEqualTo(2 * 3 * 2 * 3);
    }

    @Test
    void rejectsFewerThanTwoLevels() {
        assertThatThrownBy(() -> new GridSearch(1)).hasMessageContaining("at least 2 levels");
    }
}
