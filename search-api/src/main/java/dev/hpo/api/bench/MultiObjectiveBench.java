package dev.hpo.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** NSGA-II against random search on a two-objective problem, by hypervolume. */
final class MultiObjectiveBench {

    private MultiObjectiveBench() {
    }

    static ObjectNode run(ObjectMapper json, List<String> algorithms, int seeds, int evaluations,
                          List<Integer> checkpoints) {
        ObjectNode node = json.createObjectNode();
        node.put("problem", "two-objective");
        return node;
    }
}
