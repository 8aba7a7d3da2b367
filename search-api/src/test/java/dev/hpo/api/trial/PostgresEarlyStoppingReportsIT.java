package dev.hpo.api.trial;

import dev.hpo.api.PostgresTest;

/** The same tests as {@link EarlyStoppingReportsTest}, on PostgreSQL: the rung scores' table and queries there. */
@PostgresTest
class PostgresEarlyStoppingReportsIT extends EarlyStoppingReportsTest {
}
