-- A confirmation run trains a configuration again after the search ended, on a fresh subset, to measure how its
-- score holds; it is a trial like any other for workers but kept out of the search and its ranking.
ALTER TABLE trials ADD COLUMN confirmation BOOLEAN DEFAULT FALSE NOT NULL;
