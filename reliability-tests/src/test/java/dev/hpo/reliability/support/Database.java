package dev.hpo.reliability.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The database an API process under test stores its studies in, as the command-line options that select it.
 *
 * @param name how test output names it
 * @param serverArguments the {@code hpo server} options
 */
public record Database(String name, List<String> serverArguments) {

    public Database {
        serverArguments = List.copyOf(serverArguments);
    }

    /** The embedded file database in DIRECTORY, as on a single machine. */
    public static Database h2(Path directory) {
        return new Database("H2", List.of("--data-dir", directory.toString()));
    }

    public static Database postgres(String url, String user, String password) {
        return new Database("PostgreSQL", List.of("--db-url", url, "--db-user", user, "--db-password", password));
    }

    /** The PostgreSQL the test script starts, when it did. */
    public static Optional<Database> testPostgres() {
        String url = System.getenv("HPO_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(postgres(url, System.getenv().getOrDefault("HPO_TEST_POSTGRES_USER", "hpo"),
                System.getenv().getOrDefault("HPO_TEST_POSTGRES_PASSWORD", "")));
    }
}
