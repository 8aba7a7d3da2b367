package dev.hpo.cli.arch;

import picocli.CommandLine.Command;

@Command(name = "arch", mixinStandardHelpOptions = true,
        description = "Inspect scaled architectures without a server.",
        subcommands = {ArchCostCommand.class})
public final class ArchCommand {
}
