package dev.hpo.cli.study;

import picocli.CommandLine.Command;

@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Create, list, watch, stop, confirm, report, export and import studies on the API.",
        subcommands = {StudyCreateCommand.class, StudyListCommand.class, StudyStatusCommand.class,
                StudyTrialsCommand.class, StudyBestCommand.class, StudyParetoCommand.class, StudyStopCommand.class,
                StudyEnqueueCommand.class, StudyExportCommand.class, StudyImportCommand.class,
                StudyConfirmCommand.class, StudyConfirmationReportCommand.class,
                StudyArtifactsCommand.class})
public final class StudyCommand {
}
