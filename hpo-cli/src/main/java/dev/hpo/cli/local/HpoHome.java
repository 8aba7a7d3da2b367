package dev.hpo.cli.local;

import dev.hpo.cli.api.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this installation lives: the directory of the {@code hpo} launcher, which the launcher exports as
 * {@code HPO_HOME}. Local services are started through that launcher, so they build on first use like any command.
 */
public record HpoHome(Path root) {

    /** @throws CliException when the launcher cannot be found */
    public static HpoHome locate() {
        Optional<String> home = Optional.ofNullable(System.getenv("HPO_HOME"))
                .or(() -> Optional.ofNullable(System.getProperty("hpo.home")));
        if (home.isEmpty() || !Files.isExecutable(Path.of(home.get(), "hpo"))) {
            throw new CliException(2, "cannot find the hpo launcher: run this command as ./hpo demo or ./hpo up"
                    + " from the repository");
        }
        return new HpoHome(Path.of(home.get()).toAbsolutePath());
    }

    public Path launcher() {
        return root.resolve("hpo");
    }

    /** The user's own state: datasets, databases, logs. */
    public static Path userDirectory() {
        return Path.of(System.getProperty("user.home"), ".hpo");
    }
}
