package dev.hpo.api.trial;

/**
 * A WAITING trial as read for a claim. The claim succeeds only while the row still has this {@code version}, so
 * what was read is exactly what the worker gets: {@link #onceClaimed()}, one attempt further.
 */
record WaitingTrial(long id, long version, HandedTrial onceClaimed) {
}
