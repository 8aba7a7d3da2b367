package dev.hpo.api.trial;

import dev.hpo.api.PostgresTest;

/** The same tests as {@link WorkerProtocolTest}, on PostgreSQL. */
@PostgresTest
class PostgresWorkerProtocolIT extends WorkerProtocolTest {
}
