package dev.hpo.api.bench;

import java.util.List;

/** {@code hpo bench optimizer}: the search algorithms on standard problems, in process, without the service. */
final class OptimizerBenchmarks implements Benchmark {

    @Override
    public String name() {
        return "optimizer";
    }

    @Override
    public String description() {
        return "median best value of each algorithm after 25/50/100 evaluations on standard problems";
    }

    @Override
    public int run(List<String> args) {
        return OptimizerBenchCommand.run(args.toArray(String[]::new), System.out, System.err);
    }
}
