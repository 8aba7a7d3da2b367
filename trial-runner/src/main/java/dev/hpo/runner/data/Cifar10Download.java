package dev.hpo.runner.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Fetches CIFAR-10's binary version into a cache directory, only when asked: downloads the archive, checks its MD5
 * against the published one and unpacks {@code cifar-10-batches-bin/} next to it. An archive already in the cache
 * (e.g. copied there by hand on a machine without internet access) is verified and unpacked without downloading.
 */
public final class Cifar10Download {

    /** The official archive. */
    public static final URI OFFICIAL_SOURCE = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
    /** MD5 of the official archive, as published with the dataset. */
    public static final String OFFICIAL_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
    /** Where the data goes, and where {@link TrialDataLoader} looks when a CIFAR-10 spec names no directory. */
    public static final Path DEFAULT_CACHE = Path.of(System.getProperty("user.home"), ".cache", "hpo", "cifar10");

    static final String ARCHIVE_NAME = "cifar-10-binary.tar.gz";
    static final String[] REQUIRED_FILES = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
        "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"};

    private final HttpClient client;
    private final URI source;
    private final String md5;

    /**
     * @param client the HTTP client to download with
     * @param source where the archive is
     * @param md5 the archive's expected MD5, 32 hexadecimal digits
     */
    public Cifar10Download(HttpClient client, URI source, String md5) {
        this.client = Objects.requireNonNull(client, "client");
        this.source = Objects.requireNonNull(source, "source");
        if (!md5.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("md5 must be 32 hexadecimal digits, got '" + md5 + "'");
        }
        this.md5 = md5.toLowerCase(Locale.ROOT);
    }

    /** The official archive and checksum, with a client that follows redirects. */
    public static Cifar10Download official() {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        return new Cifar10Download(client, OFFICIAL_SOURCE, OFFICIAL_MD5);
    }

    /**
     * Makes sure {@code cacheDirectory/cifar-10-batches-bin} holds the batches, downloading them when needed.
     *
     * @return the directory holding the batch files
     * @throws DataException when the download fails (e.g. offline), the checksum does not match or the archive
     *     is corrupt or lacks a batch file
     */
    public Path fetch(Path cacheDirectory) {
        Path batches = cacheDirectory.resolve(Cifar10.BATCHES_FOLDER);
        if (complete(batches)) {
            return batches;
        }
        Path archive = cacheDirectory.resolve(ARCHIVE_NAME);
        try {
            Files.createDirectories(cacheDirectory);
        } catch (IOException e) {
            throw new DataException("cannot create cache directory " + cacheDirectory + ": "
                    + DataFiles.describe(e), e);
        }
        if (!Files.isRegularFile(archive)) {
            download(archive);
        }
        verify(archive, md5);
        Path unpacked = TarGz.extract(archive, cacheDirectory, Cifar10.BATCHES_FOLDER);
        for (String name : REQUIRED_FILES) {
            if (!Files.isRegularFile(unpacked.resolve(name))) {
                throw new DataException("archive " + archive + " lacks " + Cifar10.BATCHES_FOLDER + "/" + name);
            }
        }
        try {
            Files.delete(archive);
        } catch (IOException e) {
            // The batches are in place; a leftover archive only costs disk space.
        }
        return unpacked;
    }

    private static boolean complete(Path batches) {
        for (String name : REQUIRED_FILES) {
            if (!Files.isRegularFile(batches.resolve(name))) {
                return false;
            }
        }
        return true;
    }

    private void download(Path archive) {
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        HttpRequest request = HttpRequest.newBuilder(source).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new DataException("cannot download CIFAR-10 from " + source + ": HTTP "
                            + response.statusCode());
                }
                try (OutputStream out = Files.newOutputStream(partial)) {
                    body.transferTo(out);
                }
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new DataException("cannot download CIFAR-10 from " + source + ": " + DataFiles.describe(e)
                    + "; without internet access, copy " + ARCHIVE_NAME + " into " + archive.getParent()
                    + " or unpack it and pass its directory", e);
        } catch (InterruptedException e) {
            deleteQuietly(partial);
            Thread.currentThread().interrupt();
            throw new DataException("download of CIFAR-10 from " + source + " was interrupted", e);
        }
    }

    /** @throws DataException when the file's MD5 differs from {@code expected}; the bad file is deleted */
    static void verify(Path archive, String expected) {
        String actual;
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(archive),
                MessageDigest.getInstance("MD5"))) {
            in.transferTo(OutputStream.nullOutputStream());
            actual = HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new DataException("unreadable archive " + archive + ": " + DataFiles.describe(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides MD5", e);
        }
        if (!actual.equalsIgnoreCase(expected)) {
            deleteQuietly(archive);
            throw new DataException("checksum mismatch for " + archive + ": MD5 " + actual + ", expected " + expected
                    + " (the file was deleted; it was incomplete or not the CIFAR-10 binary archive)");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Nothing more to do: the error being reported matters more.
        }
    }
}
