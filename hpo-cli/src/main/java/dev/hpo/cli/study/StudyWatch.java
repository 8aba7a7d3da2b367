package dev.hpo.cli.study;

import dev.hpo.protocol.StudyView;
import dev.hpo.study.StudyState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A study's progress kept on screen: redrawn in place on a terminal; elsewhere printed again only when the
 * counts change, so logs stay short.
 */
public final class StudyWatch {

    private final PrintWriter out;
    private final boolean terminal;
    private List<String> shown = List.of();

    public StudyWatch(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * Shows the study until it is no longer running; returns its last state.
     *
     * @param lines the lines to show for the study as read
     */
    public StudyView follow(Supplier<StudyView> study, Function<StudyView, List<String>> lines, Duration interval)
            throws InterruptedException {
        while (true) {
            StudyView now = study.get();
            show(lines.apply(now));
            if (now.state() != StudyState.RUNNING) {
                return now;
            }
            Thread.sleep(interval.toMillis());
        }
    }

    public void show(List<String> lines) {
        if (terminal) {
            if (!shown.isEmpty()) {
                out.print("\033[" + shown.size() + "F");
            }
            for (String line : lines) {
                out.print("\033[2K");
                out.println(line);
            }
        } else if (!withoutTimes(lines).equals(withoutTimes(shown))) {
            lines.forEach(out::println);
        }
        out.flush();
        shown = lines;
    }

    private static List<String> withoutTimes(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll(" · elapsed .*$", "")).toList();
    }
}
