-- trials_waiting_in_run_order starts with the same (study_id, state) and serves every lookup of a study's trials
-- in one state; the second index only cost a write on every claim and every completion.
DROP INDEX trials_by_state;
