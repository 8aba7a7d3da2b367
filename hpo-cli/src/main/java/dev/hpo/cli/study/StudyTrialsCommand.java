package dev.hpo.cli.study;

import dev.hpo.cli.api.CliException;
import dev.hpo.protocol.ProtocolJson;
import dev.hpo.protocol.TrialCsv;
import dev.hpo.protocol.TrialView;
import dev.hpo.study.Fidelity;
import dev.hpo.trial.TrialState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "trials", mixinStandardHelpOptions = true, description = "List a study's trials.")
public final class StudyTrialsCommand implements Callable<Integer> {

    private static final String STATES = Arrays.stream(TrialState.values()).map(TrialState::name)
            .collect(Collectors.joining(", "));

    @Mixin
    StudyTarget study;

    @Option(names = "--state", description = "only trials in this state: WAITING, RUNNING, COMPLETE, FAILED,"
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
    public Integer call() {
        StudyResource resource = study.connect();
        TrialState wanted = state();
        PrintWriter out = study.out();
        if (format.csv && wanted == null) {
            out.print(resource.api().trialsCsv(resource.id()));
            out.flush();
            return 0;
        }
        List<TrialView> trials = resource.api().allTrials(resource.id(), wanted);
        if (format.json) {
            out.println(ProtocolJson.pretty(trials));
        } else if (format.csv) {
            out.print(TrialCsv.write(trials));
        } else {
            out.print(table(resource.id(), trials, resource.api().study(resource.id()).fidelity()));
        }
        out.flush();
        return 0;
    }

    /** The state asked for, or null for all. */
    private TrialState state() {
        if (state == null) {
            return null;
        }
        try {
            return TrialState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, "--state must be one of " + STATES + ", got '" + state
                    + "'");
        }
    }

    /** One row per trial, its progress in the study's fidelity unit; a confirmation run's repeat reads "confirm N". */
    static String table(long studyId, List<TrialView> trials, Fidelity fidelity) {
        if (trials.isEmpty()) {
            return "no trials in study " + studyId + System.lineSeparator();
        }
        List<List<String>> rows = new ArrayList<>();
        for (TrialView t : trials) {
            String result = Format.metrics(t.metrics(), List.of("accuracy", "macs", "params"));
            if (t.failureReason() != null) {
                result = (result.isEmpty() ? "" : result + " ") + "reason: " + t.failureReason();
            }
            String repeat = t.confirmation() ? "confirm " + t.repeat() : String.valueOf(t.repeat());
            rows.add(List.of(String.valueOf(t.id()), t.state().name(), repeat,
                    t.workerId() == null ? "-" : t.workerId(), Format.progress(t.progress(), fidelity),
                    Format.parameters(t.parameters()), result));
        }
        return Format.table(List.of("ID", "STATE", "REPEAT", "WORKER", "PROGRESS", "PARAMETERS", "RESULT"), rows);
    }
}
