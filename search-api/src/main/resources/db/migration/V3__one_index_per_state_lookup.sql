-- trials_waiting_in_run_order starts with the same (study_id, state) and serves every lookup of a study's trials
-- in one state. The second index only cost a write on every claim and every completion, and it misled H2's planner
-- into reading a study's whole queue of waiting trials to hand out the first few.
DROP INDEX trials_by_state;
