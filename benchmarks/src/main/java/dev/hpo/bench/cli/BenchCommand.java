package dev.hpo.bench.cli;

import dev.hpo.bench.Benchmark;
import dev.hpo.bench.CommandBenchmark;
import dev.hpo.bench.api.ApiBenchmark;
import dev.hpo.bench.data.BenchDataCommand;
import dev.hpo.bench.optimizer.OptimizerBenchCommand;
import dev.hpo.bench.storage.StorageBenchmark;
import dev.hpo.bench.trainer.BenchTrainCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code hpo bench api|optimizer|storage|train|data}: dispatches to the benchmark named by the first argument. */
public final class BenchCommand {

    private static final List<Benchmark> BENCHMARKS = List.of(new ApiBenchmark(), new OptimizerBenchCommand(),
            new StorageBenchmark(), new CommandBenchmark(BenchTrainCommand::new),
            new CommandBenchmark(BenchDataCommand::new));

    private BenchCommand() {
    }

    public static void main(String[] args) throws Exception {
        Optional<Benchmark> benchmark = args.length == 0 ? Optional.empty()
                : BENCHMARKS.stream().filter(b -> b.name().equals(args[0])).findFirst();
        if (benchmark.isEmpty()) {
            System.err.println("usage: hpo bench <benchmark> [options]");
            BENCHMARKS.forEach(b -> System.err.printf("  %-12s %s%n", b.name(), b.description()));
            System.exit(2);
            return;
        }
        int status;
        try {
            status = benchmark.get().run(Arrays.asList(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("hpo bench " + args[0] + ": " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }
}
