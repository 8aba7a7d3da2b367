package dev.hpo.bench;

import dev.hpo.runner.options.CommandErrors;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A benchmark whose options are a picocli command: the trainer's benchmarks, which take the trial runner's option
 * mixins (engine, device, data, augmentation) and so also answer a bad option or unreadable data as the runner's
 * commands do. Its name and description are the command's.
 */
public final class CommandBenchmark implements Benchmark {

    private final Supplier<Object> command;
    private final String name;
    private final String description;

    /** @param command a new instance of the annotated command, one per run */
    public CommandBenchmark(Supplier<Object> command) {
        this.command = command;
        CommandSpec spec = CommandSpec.forAnnotatedObject(command.get());
        this.name = spec.name();
        this.description = String.join(" ", spec.usageMessage().description());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int run(List<String> args) {
        return commandLine().execute(args.toArray(String[]::new));
    }

    /** The command as {@code hpo bench NAME}, with the runner's error handling; tests capture its output. */
    public CommandLine commandLine() {
        CommandLine cli = new CommandLine(command.get());
        cli.setCommandName("hpo bench " + name);
        cli.setExecutionExceptionHandler(new CommandErrors());
        return cli;
    }
}
