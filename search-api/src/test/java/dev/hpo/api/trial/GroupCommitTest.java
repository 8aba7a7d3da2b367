package dev.hpo.api.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.api.ApiTest;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class GroupCommitTest {

    @Autowired
    GroupCommit commits;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentWritesAreAllCommittedAndAFailingOneFailsAlone() throws Exception {
        jdbc.sql("CREATE TABLE group_commit_probe (id INT PRIMARY KEY, hits INT NOT NULL)").update();
        jdbc.sql("INSERT INTO group_commit_probe VALUES (1, 0)").update();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> writes = new ArrayList<>();
            Future<Integer> failing = null;
            for (int i = 0; i < 200; i++) {
                if (i == 100) {
                    failing = pool.submit(() -> commits.execute("broken", c -> {
                        try (PreparedStatement update = c.prepareStatement("UPDATE no_such_table SET x = 1")) {
                            return update.executeUpdate();
                        }
                    }));
                }
                writes.add(pool.submit(() -> commits.execute("probe", c -> {
                    try (PreparedStatement update = c.prepareStatement(
                            "UPDATE group_commit_probe SET hits = hits + 1 WHERE id = 1")) {
                        return update.executeUpdate();
                    }
                })));
            }

            for (Future<Integer> write : writes) {
                assertThat(write.get()).isEqualTo(1);
            }
            assertThatThrownBy(failing::get).hasCauseInstanceOf(DataAccessException.class);
            assertThat(jdbc.sql("SELECT hits FROM group_commit_probe").query(Integer.class).single()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
            jdbc.sql("DROP TABLE group_commit_probe").update();
        }
    }
}
