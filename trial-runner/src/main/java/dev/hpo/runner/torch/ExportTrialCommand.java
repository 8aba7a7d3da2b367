package dev.hpo.runner.torch;

import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.data.TrialDataLoader;
import dev.hpo.runner.plan.TrialPlanJson;
import dev.hpo.trial.TrialPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hpo export-trial}: writes the PyTorch engine's input for a plan, as a worker would hand it over, so the
 * trial can run where there is Python and torch but no JVM (a GPU machine lent for a benchmark, say).
 */
@Command(name = "export-trial", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the pytorch engine's input for a plan (the plan, the network layout and the prepared",
                "subsets) to a directory, to run it with: python3 -m hpo_torch trial DIR --device cuda:0",
                "(PYTHONPATH=trial-runner/src/main/python)."})
public final class ExportTrialCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "A trial plan as JSON.")
    Path plan;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty directory.")
    Path out;

    @Override
    public Integer call() throws IOException {
        TrialPlan trial;
        try {
            trial = TrialPlanJson.parse(Files.readString(plan));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read plan file " + plan + ": " + e.getMessage());
        }
        if (Files.isDirectory(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out " + out + " is not empty");
                }
            }
        }
        TrialData data = TrialDataLoader.load(trial.data(), trial.architecture().scaledInput());
        Files.createDirectories(out);
        EngineInput.write(out, trial, data);
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("wrote %s: %d training and %d validation images of %s, %d classes%n", out,
                data.train().size(), data.validation().size(), trial.architecture().scaledInput(), data.classes());
        printer.flush();
        return 0;
    }
}
