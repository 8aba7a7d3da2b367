-- What trained a trial's latest attempt, as its worker named it (dl4j, pytorch): a study may mix CPU and GPU
-- workers, and its results are compared knowing which engine produced each.
ALTER TABLE trials ADD COLUMN engine VARCHAR(100);
