package dev.hpo.api.portable;

import dev.hpo.api.PostgresTest;

/** The same tests as {@link StudyArchiveMistakesTest}, on PostgreSQL. */
@PostgresTest
class PostgresStudyArchiveMistakesIT extends StudyArchiveMistakesTest {
}
