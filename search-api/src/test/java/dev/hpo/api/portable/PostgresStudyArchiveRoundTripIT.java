package dev.hpo.api.portable;

import dev.hpo.api.PostgresTest;

/** The same tests as {@link StudyArchiveRoundTripTest}, on PostgreSQL. */
@PostgresTest
class PostgresStudyArchiveRoundTripIT extends StudyArchiveRoundTripTest {
}
