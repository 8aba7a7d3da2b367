package dev.hpo.api.artifact;

import dev.hpo.api.config.ApiProperties;
import dev.hpo.protocol.client.Checksums;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The artifact store's folder: {@code TRIAL_ID/ARTIFACT_ID} for kept files, named by ids only, so no name a client
 * sends ever becomes part of a path; {@code incoming/} for uploads being received, which become kept files by a move
 * within the folder or are deleted.
 */
@Component
class ArtifactFiles {

    private static final int BUFFER = 64 * 1024;

    /** A received upload, not yet kept. */
    record Incoming(Path file, long sizeBytes, String sha256) {
    }

    private final Path root;

    ArtifactFiles(ApiProperties properties) {
        this.root = properties.artifactDir().toAbsolutePath().normalize();
    }

    /**
     * Writes a body to a new file of {@code incoming/}, counting its bytes and its SHA-256 as they pass; the file is
     * deleted when reading fails.
     *
     * @throws IOException when reading or writing fails, a {@link dev.hpo.api.error.BodyTooLargeException} among
     *     them
     */
    Incoming receive(InputStream body) throws IOException {
        Path incoming = Files.createDirectories(root.resolve("incoming"));
        Path file = incoming.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = Checksums.sha256();
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        return new Incoming(file, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** Moves a received file to its place among the kept ones. */
    Path keep(Incoming incoming, long trialId, long artifactId) throws IOException {
        Path target = path(trialId, artifactId);
        Files.createDirectories(target.getParent());
        return Files.move(incoming.file(), target, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Where a kept file lies. */
    Path path(long trialId, long artifactId) {
        return root.resolve(Long.toString(trialId)).resolve(Long.toString(artifactId));
    }

    /** Deletes a kept file, and its trial's folder once empty. */
    void delete(long trialId, long artifactId) {
        Path file = path(trialId, artifactId);
        deleteQuietly(file);
        try (var left = Files.list(file.getParent())) {
            if (left.findAny().isEmpty()) {
                Files.deleteIfExists(file.getParent());
            }
        } catch (IOException ignored) {
            // A folder that cannot be listed or is filled again meanwhile stays; it holds nothing a row names.
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A file no row names is never served; the failure that made it worthless is what gets reported.
        }
    }
}
