package dev.hpo.api.config;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded database's file from growing with every commit. H2 writes each commit as a new chunk of its
 * file, and a chunk's space is reused only once none of its pages is live any more. It rewrites the live pages of
 * sparsely used chunks in a background thread that it does not start when every commit must reach the file before
 * it is acknowledged ({@code WRITE_DELAY=0}), and a {@code CHECKPOINT} only commits. So this asks its store to do
 * that rewriting, a little at a time, so the space of old chunks is reused instead of the file growing by every
 * commit. Closing the database moves the live chunks together and shrinks the file
 * ({@code MAX_COMPACT_TIME}). PostgreSQL reclaims space itself, so on it, and on an in-memory database, this does
 * nothing.
 */
@Component
class EmbeddedDatabaseMaintenance {

    /** Chunks less full than this are rewritten, their live pages moved into new chunks. */
    static final int TARGET_FILL_RATE = 50;
    /** The most bytes one round rewrites, so a round never holds up the commits queued behind it for long. */
    static final int MAX_REWRITE_BYTES = 4 << 20;

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

    @Scheduled(fixedDelayString = "${hpo.api.database-compaction-interval:5s}",
            initialDelayString = "${hpo.api.database-compaction-interval:5s}")
    void compact() {
        if (embeddedFile) {
            jdbc.execute((ConnectionCallback<Boolean>) connection -> store(connection.unwrap(JdbcConnection.class))
                    .compact(TARGET_FILL_RATE, MAX_REWRITE_BYTES));
        }
    }

    /** The store of the embedded database the connection is a session of. */
    private static MVStore store(JdbcConnection connection) {
        return ((SessionLocal) connection.getSession()).getDatabase().getStore().getMvStore();
    }
}
