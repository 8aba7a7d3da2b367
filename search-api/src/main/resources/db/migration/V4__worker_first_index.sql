-- A worker's running trials are looked up by worker first. With the study first, H2's planner rated this index no
-- better than the (study_id, state) one and read all of a study's running trials to find one worker's.
DROP INDEX trials_by_worker;
CREATE INDEX trials_by_worker ON trials (worker_id, study_id, state);
