package dev.hpo.api.bench;

import java.util.Arrays;

/** {@code hpo bench optimizer|api}: benchmarks of the search service that print their figures as JSON. */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: hpo bench optimizer [--evaluations N] [--seeds N] [--problems a,b]");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int status = switch (args[0]) {
            case "optimizer" -> OptimizerBenchCommand.run(rest, System.out, System.err);
            default -> {
                System.err.println("hpo bench: unknown benchmark '" + args[0] + "', expected optimizer or api");
                yield 2;
            }
        };
        System.exit(status);
    }
}
