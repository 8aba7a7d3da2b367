package dev.hpo.api.trial;

import dev.hpo.api.PostgresTest;

/** The same tests as {@link HeartbeatReaperTest}, on PostgreSQL. */
@PostgresTest
class PostgresHeartbeatReaperIT extends HeartbeatReaperTest {
}
