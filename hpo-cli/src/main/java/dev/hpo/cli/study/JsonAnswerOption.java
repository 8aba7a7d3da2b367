package dev.hpo.cli.study;

import dev.hpo.protocol.ProtocolJson;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --json}: the API's answer as JSON, for scripts, instead of the command's text. */
final class JsonAnswerOption {

    @Option(names = "--json", description = "print the API's answer as JSON")
    boolean json;

    /** Prints {@code answer} as JSON when {@code --json} was given; returns whether it did. */
    boolean printed(PrintWriter out, Object answer) {
        if (json) {
            out.println(ProtocolJson.pretty(answer));
        }
        return json;
    }
}
