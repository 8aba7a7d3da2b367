package dev.hpo.runner.torch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's Python package ({@code hpo_torch}), shipped inside the trial runner's jar and unpacked where an
 * interpreter can import it: a directory named after the package's content under the temporary directory, so
 * every trial process of one build shares it, a new build gets its own, and an unpacked copy is never changed.
 */
final class EngineSources {

    static final String PACKAGE = "hpo_torch";

    /** Every module of the package; a test keeps this list equal to the source directory. */
    static final List<String> MODULES = List.of("__init__.py", "__main__.py", "budget.py", "data.py", "device.py",
            "events.py", "networks.py", "recipe.py", "trial.py");

    private EngineSources() {
    }

    /**
     * Unpacks the package (once per content) and returns the directory to put on {@code PYTHONPATH}.
     *
     * @throws UncheckedIOException when the package cannot be read from the class path or written
     */
    static Path unpack() {
        Map<String, byte[]> modules = read();
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "hpo-torch-" + digest(modules));
        if (Files.isRegularFile(root.resolve(PACKAGE).resolve(MODULES.get(MODULES.size() - 1)))) {
            return root;
        }
        try {
            // Written aside, then moved in one step: trial processes starting together never see half a package.
            Path staging = Files.createTempDirectory(root.getParent(), root.getFileName() + ".");
            Path packageDirectory = Files.createDirectories(staging.resolve(PACKAGE));
            for (Map.Entry<String, byte[]> module : modules.entrySet()) {
                Files.write(packageDirectory.resolve(module.getKey()), module.getValue());
            }
            try {
                Files.move(staging, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                deleteTree(staging);
            } catch (IOException e) {
                if (!Files.isDirectory(root)) {
                    throw e;
                }
                deleteTree(staging);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the pytorch engine's Python package to " + root, e);
        }
    }

    private static Map<String, byte[]> read() {
        Map<String, byte[]> modules = new LinkedHashMap<>();
        for (String module : MODULES) {
            String resource = PACKAGE + "/" + module;
            try (InputStream in = EngineSources.class.getClassLoader().getResourceAsStream(resource)) {
                modules.put(module, Objects.requireNonNull(in, resource + " is not on the class path").readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
            }
        }
        return modules;
    }

    private static String digest(Map<String, byte[]> modules) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            modules.forEach((name, content) -> {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(content);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
