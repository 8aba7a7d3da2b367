-- The reaper's index, led by the study as its lookups are. Led by (state, heartbeat_at), it matched the trial
-- store's compare-and-set too, which names a trial's id with its state and last heartbeat: H2 chose it for a claim
-- ("WAITING, no heartbeat yet") and read every waiting trial of every study to change one row.
DROP INDEX trials_running;
CREATE INDEX trials_running ON trials (study_id, state, heartbeat_at);
