package dev.hpo.api.trial;

import dev.hpo.api.PostgresTest;

/** The same tests as {@link ClaimConcurrencyTest}, on PostgreSQL. */
@PostgresTest
class PostgresClaimConcurrencyIT extends ClaimConcurrencyTest {
}
