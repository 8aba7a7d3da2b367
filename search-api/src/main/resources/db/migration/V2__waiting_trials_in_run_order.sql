-- Waiting trials are read in run order (enqueued first, then by number) on every suggestion; this index hands
-- them out in that order without sorting the study's trials.
CREATE INDEX trials_waiting_in_run_order ON trials (study_id, state, enqueued DESC, number ASC);
