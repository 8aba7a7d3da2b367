package dev.hpo.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedDatabaseMaintenanceTest {

    @ParameterizedTest
    @CsvSource({
            "jdbc:h2:file:/home/u/.hpo/data/hpo;WRITE_DELAY=0, true",
            "jdbc:h2:~/hpo, true",
            "jdbc:h2:./data/hpo, true",
            "jdbc:h2:/var/lib/hpo/hpo, true",
            "jdbc:h2:mem:hpo-test;DB_CLOSE_DELAY=-1, false",
            "jdbc:postgresql://db:5432/hpo, false"})
    void checkpointsOnlyAnEmbeddedDatabaseKeptInAFile(String url, boolean file) {
        assertThat(EmbeddedDatabaseMaintenance.isEmbeddedFile(url)).isEqualTo(file);
    }
}
