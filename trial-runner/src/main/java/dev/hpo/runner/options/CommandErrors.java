package dev.hpo.runner.options;

import dev.hpo.runner.data.DataException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * How a command that takes these options answers a mistake: bad input (exit 2) and unreadable data (exit 1) get one
 * line naming the command and the problem, no stack trace; anything else is a fault and propagates.
 *
 * <p>Public for the benchmarks module, whose {@code hpo bench train} and {@code hpo bench data} take the runner's
 * option mixins and so must answer their errors as the runner's own commands do.
 */
public final class CommandErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) throws Exception {
        int exit;
        if (e instanceof DataException) {
            exit = 1;
        } else if (e instanceof IllegalArgumentException) {
            exit = 2;
        } else {
            throw e;
        }
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        command.getErr().flush();
        return exit;
    }
}
