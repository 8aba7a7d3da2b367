package dev.hpo.trial;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a trial is in its life. A trial waits for a worker, runs, and ends in one of four finished states, which
 * are final: a finished trial's result never changes. A running trial whose worker fell silent goes back to
 * waiting so another worker can take it.
 *
 * <pre>
 * WAITING ──claim──▶ RUNNING ──▶ COMPLETE | FAILED | PRUNED | STOPPED
 *    │  ▲               │
 *    │  └──requeue──────┘
 *    └──▶ STOPPED (the study stopped before a worker took it)
 * </pre>
 */
public enum TrialState {
    /** Proposed, waiting for a worker to claim it. */
    WAITING,
    /** Claimed by a worker, which trains it and reports measurements and heartbeats. */
    RUNNING,
    /** Ran to the end and reported its final metrics. */
    COMPLETE,
    /** Crashed, diverged, or was lost more often than the study allows. */
    FAILED,
    /** Stopped early by the study's early-stopping rule; its last measurement stands. */
    PRUNED,
    /** Stopped by a user or because the study ended. */
    STOPPED;

    /** True for the four states a trial ends in, which can never be left. */
    public boolean isFinished() {
        return this == COMPLETE || this == FAILED || this == PRUNED || this == STOPPED;
    }

    /** The states this one may move to; empty for a finished state. */
    public Set<TrialState> successors() {
        return switch (this) {
            case WAITING -> EnumSet.of(RUNNING, STOPPED);
            case RUNNING -> EnumSet.of(COMPLETE, FAILED, PRUNED, STOPPED, WAITING);
            default -> EnumSet.noneOf(TrialState.class);
        };
    }

    public boolean canMoveTo(TrialState next) {
        return successors().contains(next);
    }

    /**
     * Returns {@code next} when the move is allowed.
     *
     * @throws IllegalTrialTransitionException when it is not, saying why
     */
    public TrialState moveTo(TrialState next) {
        if (!canMoveTo(next)) {
            throw new IllegalTrialTransitionException(this, next);
        }
        return next;
    }
}
