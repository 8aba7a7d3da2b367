package dev.hpo.bench;

import java.util.List;

/** One {@code hpo bench} subcommand: runs and prints its figures as JSON on standard output. */
public interface Benchmark {

    /** The subcommand name, e.g. {@code api}. */
    String name();

    /** One line for the usage text. */
    String description();

    /**
     * @param args the options after the subcommand name
     * @return the process exit code
     * @throws IllegalArgumentException for invalid options, with a message naming the option
     */
    int run(List<String> args) throws Exception;
}
