package dev.hpo.runner;

import dev.hpo.runner.options.CommandErrors;
import dev.hpo.runner.predict.PredictCommand;
import dev.hpo.runner.torch.ExportTrialCommand;
import dev.hpo.runner.train.TrainCommand;
import dev.hpo.runner.worker.RunTrialCommand;
import dev.hpo.runner.worker.WorkerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the trial runner's JVM: {@code ./hpo train}, {@code ./hpo worker}, {@code ./hpo export-trial},
 * {@code ./hpo predict},
 * and the hidden {@code run-trial} a worker starts for each trial.
 */
@Command(name = "hpo", mixinStandardHelpOptions = true,
        description = "Trains trials: locally, or for the search service.",
        subcommands = {TrainCommand.class, WorkerCommand.class, RunTrialCommand.class, ExportTrialCommand.class,
                PredictCommand.class})
public final class RunnerCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree with the runner's error handling, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RunnerCommand());
        cli.setExecutionExceptionHandler(new CommandErrors());
        return cli;
    }
}
