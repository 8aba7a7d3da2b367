-- A measurement is identified by its trial, attempt and step, which were already unique: keyed by them, the table is
-- one B-tree instead of a table keyed by a surrogate id plus a unique index over the same three columns, so each
-- report writes half the pages.
CREATE TABLE measurements_by_step (
    trial_id         BIGINT           NOT NULL REFERENCES trials (id),
    attempt          INTEGER          NOT NULL,
    step             BIGINT           NOT NULL,
    elapsed_seconds  DOUBLE PRECISION NOT NULL,
    metrics_json     VARCHAR(65536)   NOT NULL,
    reported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT measurements_pk PRIMARY KEY (trial_id, attempt, step)
);
INSERT INTO measurements_by_step (trial_id, attempt, step, elapsed_seconds, metrics_json, reported_at)
    SELECT trial_id, attempt, step, elapsed_seconds, metrics_json, reported_at FROM measurements;
DROP TABLE measurements;
ALTER TABLE measurements_by_step RENAME TO measurements;
