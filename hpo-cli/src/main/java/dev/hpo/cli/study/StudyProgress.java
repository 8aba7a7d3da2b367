package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.hpo.protocol.Candidate;
import dev.hpo.protocol.Page;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.TrialView;
import dev.hpo.study.Durations;
import dev.hpo.study.StudyState;
import dev.hpo.trial.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A study's progress in a few lines: a bar of finished trials against the budget, the count in each state, the best
 * configuration so far, elapsed and estimated remaining time, and how far its running trials got in the study's
 * fidelity unit.
 */
final class StudyProgress {

    private static final int BAR = 30;
    /** Running trials shown by name; the rest are counted. */
    static final int RUNNING_SHOWN = 4;
    private static final List<TrialState> FINISHED = List.of(TrialState.COMPLETE, TrialState.FAILED,
            TrialState.PRUNED, TrialState.STOPPED);

    private StudyProgress() {
    }

    /** The lines for a study as {@code GET /api/studies/{id}} returns it, at {@code now}. */
    static List<String> render(StudyView study, Instant now) {
        return render(study, null, now);
    }

    /**
     * The lines for a study and the first page of its running trials, whose progress against their budget makes
     * one more line while any run.
     *
     * @param running the first running trials, or null when not asked for
     */
    static List<String> render(StudyView study, Page<TrialView> running, Instant now) {
        long finished = finished(study);
        long capacity = Math.max(study.trialCapacity(), finished);
        List<String> lines = new ArrayList<>();
        lines.add(study.name() + " (study " + study.id() + ") " + study.state());
        StringBuilder bar = new StringBuilder("[");
        int filled = capacity == 0 ? 0 : (int) Math.round((double) BAR * finished / capacity);
        bar.append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ")
                .append(finished).append('/').append(capacity).append(" finished");
        for (TrialState state : FINISHED) {
            bar.append(" · ").append(state).append(' ').append(count(study, state));
        }
        bar.append(" · running ").append(count(study, TrialState.RUNNING))
                .append(" · waiting ").append(count(study, TrialState.WAITING));
        lines.add(bar.toString());
        lines.add(best(study) + " · " + times(study, now, finished, capacity));
        if (running != null && !running.items().isEmpty()) {
            lines.add(running(study, running));
        }
        return lines;
    }

    /** {@code running: #12 26/52 steps · #15 10/52 steps · 3 more}. */
    private static String running(StudyView study, Page<TrialView> running) {
        StringBuilder line = new StringBuilder("running:");
        List<TrialView> shown = running.items().subList(0, Math.min(RUNNING_SHOWN, running.items().size()));
        for (int i = 0; i < shown.size(); i++) {
            TrialView t = shown.get(i);
            line.append(i == 0 ? " " : " · ").append('#').append(t.number()).append(' ')
                    .append(Format.progress(t.progress(), study.fidelity()));
        }
        long more = running.totalItems() - shown.size();
        return more > 0 ? line.append(" · ").append(more).append(" more").toString() : line.toString();
    }

    /** Trials of the study that ended, in any way. */
    static long finished(StudyView study) {
        return FINISHED.stream().mapToLong(state -> count(study, state)).sum();
    }

    /** {@code best: macs=1.20M accuracy=0.8412 (trial 7)}, led by the objectives. */
    static String best(StudyView study) {
        Candidate best = study.best();
        if (best == null) {
            return "best: none yet";
        }
        List<String> lead = new ArrayList<>(objectiveMetrics(study));
        for (String usual : List.of("accuracy", "macs", "params")) {
            if (!lead.contains(usual)) {
                lead.add(usual);
            }
        }
        List<String> shown = new ArrayList<>();
        for (String name : lead) {
            Double value = best.metrics().get(name);
            if (value != null) {
                shown.add(name + "=" + Format.metric(name, value));
            }
        }
        String trials = best.trialIds().size() == 1 ? "trial " + best.trialIds().get(0)
                : "trials " + Format.ids(best.trialIds());
        return "best: " + String.join(" ", shown) + " (" + trials
                + (best.feasible() ? "" : ", violates a constraint") + ")";
    }

    private static List<String> objectiveMetrics(StudyView study) {
        List<String> names = new ArrayList<>();
        for (JsonNode objective : spec(study).path("objectives")) {
            names.add(objective.path("metric").asText());
        }
        return names;
    }

    private static String times(StudyView study, Instant now, long finished, long capacity) {
        if (study.createdAt() == null) {
            return "";
        }
        Instant end = study.finishedAt() != null ? study.finishedAt() : now;
        Duration elapsed = Duration.between(study.createdAt(), end);
        String text = "elapsed " + Format.duration(elapsed);
        if (study.state() != StudyState.RUNNING) {
            return text;
        }
        Optional<Duration> remaining = Optional.empty();
        if (finished > 0 && capacity > finished) {
            remaining = Optional.of(elapsed.multipliedBy(capacity - finished).dividedBy(finished));
        }
        Optional<Duration> limit = maxDuration(study).map(d -> d.minus(elapsed));
        if (limit.isPresent() && (remaining.isEmpty() || limit.get().compareTo(remaining.get()) < 0)) {
            remaining = limit;
        }
        return text + remaining.map(r -> " · remaining ~" + Format.duration(r)).orElse(" · remaining: unknown yet");
    }

    private static Optional<Duration> maxDuration(StudyView study) {
        JsonNode value = spec(study).path("budget").path("maxDuration");
        if (!value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Durations.parse(value.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static long count(StudyView study, TrialState state) {
        Map<TrialState, Long> counts = study.trialCounts();
        Long count = counts == null ? null : counts.get(state);
        return count == null ? 0 : count;
    }

    /** The study's spec as created; a missing node when the API sent none (a study in a list). */
    private static JsonNode spec(StudyView study) {
        return study.spec() == null ? MissingNode.getInstance() : study.spec();
    }
}
