package dev.hpo.api.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded database's file from growing with every commit. H2 writes each commit as a new chunk of its
 * file and compacts old chunks only in a background thread that it does not start when every commit must reach the
 * file before it is acknowledged ({@code WRITE_DELAY=0}). A checkpoint asks it to rewrite the live pages of
 * sparsely used chunks, so their space can be reused instead of the file growing. PostgreSQL reclaims space itself,
 * so on it, and on an in-memory database, this does nothing.
 */
@Component
class EmbeddedDatabaseMaintenance {

    private final JdbcTemplate jdbc;
    private final boolean embeddedFile;

    EmbeddedDatabaseMaintenance(JdbcTemplate jdbc, @Value("${spring.datasource.url}") String url) {
        this.jdbc = jdbc;
        this.embeddedFile = isEmbeddedFile(url);
    }

    /** True for an H2 database kept in a file of this machine, which is where chunks accumulate. */
    static boolean isEmbeddedFile(String url) {
        return url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:~") || url.startsWith("jdbc:h2:./")
                || url.startsWith("jdbc:h2:/");
    }

    @Scheduled(fixedDelayString = "${hpo.api.database-checkpoint-interval:10s}",
            initialDelayString = "${hpo.api.database-checkpoint-interval:10s}")
    void checkpoint() {
        if (embeddedFile) {
            jdbc.execute("CHECKPOINT");
        }
    }
}
