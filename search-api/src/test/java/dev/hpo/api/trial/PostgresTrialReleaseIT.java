package dev.hpo.api.trial;

import dev.hpo.api.PostgresTest;

/** The same tests as {@link TrialReleaseTest}, on PostgreSQL. */
@PostgresTest
class PostgresTrialReleaseIT extends TrialReleaseTest {
}
