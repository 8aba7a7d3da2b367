-- Early stopping compares a trial with the others at one rung only. Each trial's losses at every rung it reaches
-- are kept here when it gets there, so a decision reads one rung of one study through the key's leading columns,
-- never the study's measurements. A requeued trial's next attempt reaches its rungs again and adds its own rows;
-- the latest attempt's count.
CREATE TABLE rung_scores (
    study_id         BIGINT           NOT NULL REFERENCES studies (id),
    rung             INTEGER          NOT NULL,
    trial_id         BIGINT           NOT NULL REFERENCES trials (id),
    attempt          INTEGER          NOT NULL,
    -- The losses (smaller is better) of the objectives the rule ranks by: the second only with two objectives.
    first_loss       DOUBLE PRECISION NOT NULL,
    second_loss      DOUBLE PRECISION,
    CONSTRAINT rung_scores_key PRIMARY KEY (study_id, rung, trial_id, attempt)
);
