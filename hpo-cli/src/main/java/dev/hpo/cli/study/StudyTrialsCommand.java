package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hpo.cli.api.Api;
import dev.hpo.cli.api.CliException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "trials", mixinStandardHelpOptions = true, description = "List a study's trials.")
public final class StudyTrialsCommand implements Callable<Integer> {

    private static final List<String> STATES = List.of("WAITING", "RUNNING", "COMPLETE", "FAILED", "PRUNED",
            "STOPPED");
    private static final int PAGE = 500;

    @Mixin
    StudyTarget study;

    @Option(names = "--state", description = "only trials in this state: " + "WAITING, RUNNING, COMPLETE, FAILED,"
            + " PRUNED, STOPPED")
    String state;

    @ArgGroup(exclusive = true)
    OutputFormat format = new OutputFormat();

    static final class OutputFormat {
        @Option(names = "--json", description = "print the trials as a JSON array")
        boolean json;

        @Option(names = "--csv", description = "print the trials as CSV, one column per parameter and metric")
        boolean csv;
    }

    @Override
    public Integer call() throws Exception {
        StudyResource resource = study.connect();
        Api api = resource.api();
        long studyId = resource.id();
        String wanted = state == null ? null : state.toUpperCase(Locale.ROOT);
        if (wanted != null && !STATES.contains(wanted)) {
            throw new CliException(2, "--state must be one of " + String.join(", ", STATES) + ", got '" + state
                    + "'");
        }
        PrintWriter out = study.out();
        if (format.csv && wanted == null) {
            out.print(api.getText(resource.path("/trials.csv")));
            out.flush();
            return 0;
        }
        List<JsonNode> trials = all(resource, wanted);
        if (format.json) {
            ArrayNode array = api.json().createArrayNode();
            trials.forEach(array::add);
            out.println(api.json().writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else if (format.csv) {
            out.print(TrialCsvLines.of(trials));
        } else {
            out.print(table(studyId, trials));
        }
        out.flush();
        return 0;
    }

    private static List<JsonNode> all(StudyResource study, String state) {
        List<JsonNode> trials = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = study.get("/trials?size=" + PAGE + "&page=" + page
                    + (state == null ? "" : "&state=" + state));
            answer.path("items").forEach(trials::add);
            if (page + 1 >= answer.path("totalPages").asInt(0)) {
                return trials;
            }
        }
    }

    private static String table(long studyId, List<JsonNode> trials) {
        if (trials.isEmpty()) {
            return "no trials in study " + studyId + System.lineSeparator();
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode t : trials) {
            String result = Format.metrics(t.path("metrics"), List.of("accuracy", "macs", "params"));
            if (t.hasNonNull("failureReason")) {
                result = (result.isEmpty() ? "" : result + " ") + "reason: " + t.get("failureReason").asText();
            }
            rows.add(List.of(t.path("id").asText(), t.path("state").asText(), t.path("repeat").asText(),
                    t.path("workerId").asText("-"), Format.parameters(t.path("parameters")), result));
        }
        return Format.table(List.of("ID", "STATE", "REPEAT", "WORKER", "PARAMETERS", "RESULT"), rows);
    }
}
