package dev.hpo.space;

import java.util.List;

/** A configuration that does not belong to its search space; {@link #problems()} names each parameter at fault. */
public final class InvalidConfigurationException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One entry per problem, each {@code name: reason}. */
    public List<String> problems() {
        return problems;
    }
}
