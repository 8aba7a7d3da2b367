package dev.hpo.api.study;

import dev.hpo.api.PostgresTest;

/** The same tests as {@link StudyEndpointsTest}, on PostgreSQL. */
@PostgresTest
class PostgresStudyEndpointsIT extends StudyEndpointsTest {
}
