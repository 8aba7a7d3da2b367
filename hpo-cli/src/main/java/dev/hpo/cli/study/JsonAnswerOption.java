package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --json}: the API's answer as it came, for scripts, instead of the command's text. */
final class JsonAnswerOption {

    @Option(names = "--json", description = "print the API's answer as JSON")
    boolean json;

    /** Prints {@code answer} as JSON when {@code --json} was given; returns whether it did. */
    boolean printed(PrintWriter out, JsonNode answer) {
        if (json) {
            out.println(answer.toPrettyString());
        }
        return json;
    }
}
