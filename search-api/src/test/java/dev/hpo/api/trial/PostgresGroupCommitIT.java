package dev.hpo.api.trial;

import dev.hpo.api.PostgresTest;

/** The same test as {@link GroupCommitTest}, on PostgreSQL, where a failed statement aborts its transaction. */
@PostgresTest
class PostgresGroupCommitIT extends GroupCommitTest {
}
