package dev.hpo.cli.study;

import dev.hpo.cli.api.ApiOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every command about one study takes: the API's address and token, and the study's id. Mixed into those
 * commands ({@code @Mixin}), so the options, the id's check and the output are the same in each.
 */
final class StudyTarget {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(index = "0", paramLabel = "ID", description = "the study")
    String id;

    /**
     * Checks the address, then the id, and returns the study's place in the API.
     *
     * @throws dev.hpo.cli.api.CliException when the address or the id is not valid
     */
    StudyResource connect() {
        return new StudyResource(apiOptions.connect(), StudyIds.parse(id));
    }

    /** The id as the user typed it, for messages. */
    String typedId() {
        return id;
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }
}
