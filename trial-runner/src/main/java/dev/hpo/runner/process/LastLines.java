package dev.hpo.runner.process;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last few lines a process wrote to a stream, kept as they come to explain its end. Safe across threads. */
public final class LastLines {

    private final int kept;
    private final Deque<String> lines = new ArrayDeque<>();

    /** @param kept how many of the latest lines to keep, at least 1 */
    public LastLines(int kept) {
        if (kept < 1) {
            throw new IllegalArgumentException("kept must be at least 1, got " + kept);
        }
        this.kept = kept;
    }

    public synchronized void add(String line) {
        lines.addLast(line);
        if (lines.size() > kept) {
            lines.removeFirst();
        }
    }

    /** The kept lines, oldest first, joined by {@code separator}; empty when none came. */
    public synchronized String joined(String separator) {
        return String.join(separator, lines);
    }
}
