package dev.hpo.bench.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code hpo bench optimizer --suite lcbench} runs: the tasks, the seeds of each, the budget in full runs and
 * the arms, and whether the report lists every case's regret besides the medians.
 */
record LcBenchSettings(List<Integer> tasks, int seeds, int budget, List<LcBenchSuite.Arm> arms, boolean cases) {

    static final String USAGE = "usage: hpo bench optimizer --suite lcbench [--tasks 3945,7593] [--seeds 3]"
            + " [--budget 20] [--arms EVOLUTION+ASHA,TPE] [--cases]";

    LcBenchSettings {
        tasks = List.copyOf(tasks);
        arms = List.copyOf(arms);
    }

    /** Every task and arm, 3 seeds, 20 full runs, medians only. */
    static LcBenchSettings defaults() {
        return new LcBenchSettings(LcBenchSuite.TASKS, 3, 20, LcBenchSuite.ARMS, false);
    }

    /**
     * @param args the options after {@code --suite lcbench}
     * @throws IllegalArgumentException naming the option at fault and what it accepts
     */
    static LcBenchSettings parse(List<String> args) {
        LcBenchSettings s = defaults();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--cases")) {
                s = new LcBenchSettings(s.tasks, s.seeds, s.budget, s.arms, true);
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(++i);
            s = switch (option) {
                case "--tasks" -> new LcBenchSettings(tasks(value), s.seeds, s.budget, s.arms, s.cases);
                case "--seeds" -> new LcBenchSettings(s.tasks, positive(option, value), s.budget, s.arms, s.cases);
                case "--budget" -> new LcBenchSettings(s.tasks, s.seeds, positive(option, value), s.arms, s.cases);
                case "--arms" -> new LcBenchSettings(s.tasks, s.seeds, s.budget, arms(value), s.cases);
                default -> throw new IllegalArgumentException("unknown option " + option
                        + "; known: --tasks, --seeds, --budget, --arms, --cases");
            };
        }
        return s;
    }

    private static List<Integer> tasks(String value) {
        List<Integer> tasks = new ArrayList<>();
        for (String part : value.split(",")) {
            Integer task = null;
            try {
                task = Integer.valueOf(part.trim());
            } catch (NumberFormatException e) {
                // named below
            }
            if (task == null || !LcBenchSuite.TASKS.contains(task)) {
                throw new IllegalArgumentException("--tasks: '" + part + "' is not one of the suite's tasks "
                        + LcBenchSuite.TASKS);
            }
            if (!tasks.contains(task)) {
                tasks.add(task);
            }
        }
        return tasks;
    }

    private static List<LcBenchSuite.Arm> arms(String value) {
        List<LcBenchSuite.Arm> arms = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            LcBenchSuite.Arm arm = LcBenchSuite.ARMS.stream().filter(a -> a.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--arms: '" + part + "' is not an arm; arms: "
                            + String.join(", ", LcBenchSuite.ARMS.stream().map(LcBenchSuite.Arm::name).toList())));
            if (!arms.contains(arm)) {
                arms.add(arm);
            }
        }
        return arms;
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException(option + " must be a positive integer, got '" + value + "'");
    }
}
