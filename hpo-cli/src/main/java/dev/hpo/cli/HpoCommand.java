package dev.hpo.cli;

import dev.hpo.cli.api.ApiFailures;
import dev.hpo.cli.api.CliException;
import dev.hpo.cli.arch.ArchCommand;
import dev.hpo.cli.local.DemoCommand;
import dev.hpo.cli.local.UpCommand;
import dev.hpo.cli.study.StudyCommand;
import dev.hpo.protocol.client.ApiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hpo} commands that run in the CLI module: they talk to the API over HTTP or need no server. */
@Command(name = "hpo", mixinStandardHelpOptions = true, version = "hpo 0.1.0",
        description = "Hyperparameter and architecture search for small models.",
        subcommands = {ArchCommand.class, StudyCommand.class, DemoCommand.class, UpCommand.class})
public final class HpoCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is required");
    }

    public static void main(String[] args) {
        CommandLine line = commandLine();
        int exit = line.execute(args);
        line.getOut().flush();
        line.getErr().flush();
        System.exit(exit);
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new HpoCommand());
        // A refusal or an unreachable API is one clear message and an exit code, never a stack trace.
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Exception said = e instanceof ApiException unserved ? ApiFailures.of(unserved) : e;
            if (said instanceof CliException failure) {
                cmd.getErr().println("hpo: " + failure.getMessage());
                cmd.getErr().flush();
                return failure.exitCode();
            }
            throw e;
        });
        return line;
    }
}
