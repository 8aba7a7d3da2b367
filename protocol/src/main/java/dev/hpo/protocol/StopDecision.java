package dev.hpo.protocol;

/**
 * The answer to a measurement or a heartbeat.
 *
 * @param shouldStop true when the worker should end the trial now: pruned, its study ended, or no longer its
 */
public record StopDecision(boolean shouldStop) {
}
