package dev.hpo.reliability;

import dev.hpo.reliability.support.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reliability contract on the embedded H2 file database a single machine uses. */
class H2ReliabilityIT extends ReliabilityContract {

    @Override
    Database database() {
        try {
            Path directory = Files.createTempDirectory(Path.of("target"), "h2-reliability");
            return Database.h2(directory.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
