package dev.hpo.api.trial;

import dev.hpo.api.PostgresTest;

/** The same test as {@link SharedDatabaseClaimTest}, on PostgreSQL. */
@PostgresTest
class PostgresSharedDatabaseClaimIT extends SharedDatabaseClaimTest {
}
