package dev.hpo.runner.bench;

import picocli.CommandLine.Command;

/** {@code hpo bench}: benchmarks that print their figures as JSON. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures as JSON.",
        subcommands = BenchTrainCommand.class)
public final class BenchCommand {
}
