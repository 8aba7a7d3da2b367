package dev.hpo.trial;

/** A trial asked to move between states that are not connected, e.g. to change a finished trial. */
public final class IllegalTrialTransitionException extends IllegalStateException {

    private final TrialState from;
    private final TrialState to;

    public IllegalTrialTransitionException(TrialState from, TrialState to) {
        super(message(from, to));
        this.from = from;
        this.to = to;
    }

    public TrialState from() {
        return from;
    }

    public TrialState to() {
        return to;
    }

    private static String message(TrialState from, TrialState to) {
        if (from.isFinished()) {
            return "trial is " + from + ", which is final; it cannot move to " + to;
        }
        if (from == to) {
            return "trial is already " + from;
        }
        return "a " + from + " trial cannot move to " + to + "; it can move to " + from.successors();
    }
}
