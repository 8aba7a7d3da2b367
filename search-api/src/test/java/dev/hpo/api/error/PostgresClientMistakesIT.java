package dev.hpo.api.error;

import dev.hpo.api.PostgresTest;

/** The same tests as {@link ClientMistakesTest}, on PostgreSQL. */
@PostgresTest
class PostgresClientMistakesIT extends ClientMistakesTest {
}
