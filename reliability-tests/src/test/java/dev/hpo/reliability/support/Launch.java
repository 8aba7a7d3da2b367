package dev.hpo.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Locating built modules and reading what the processes they run leave behind. */
public final class Launch {

    private Launch() {
    }

    public static Path repositoryRoot() {
        String root = System.getProperty("hpo.repository.root");
        if (root == null) {
            throw new IllegalStateException("system property hpo.repository.root is not set (the build sets it)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** MODULE's jar and runtime class path, as the package phase writes them and ./hpo launches them. */
    public static String classPath(String module) {
        Path target = repositoryRoot().resolve(module).resolve("target");
        Path jar = target.resolve(module + ".jar");
        Path classPath = target.resolve("classpath.txt");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(classPath)) {
            throw new IllegalStateException(module + " is not packaged (" + jar + "); build with mvn -pl "
                    + "reliability-tests -am verify");
        }
        try {
            return jar + java.io.File.pathSeparator + Files.readString(classPath).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last LINES lines of a log, for failure messages. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
