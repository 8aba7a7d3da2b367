package dev.hpo.runner.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Finding and reading data files, with errors that name the file. */
final class DataFiles {

    private static final int BUFFER = 1 << 16;

    private DataFiles() {
    }

    /** The directory itself, checked to exist. */
    static Path directory(Path directory, String what) {
        if (!Files.isDirectory(directory)) {
            throw new DataException(what + " directory " + directory + " does not exist or is not a directory");
        }
        return directory;
    }

    /** {@code dir/name}, or {@code dir/name.gz} when only the compressed file is there. */
    static Path plainOrGzip(Path directory, String name) {
        Path plain = directory.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gzip = directory.resolve(name + ".gz");
        if (Files.isRegularFile(gzip)) {
            return gzip;
        }
        throw new DataException("missing data file " + plain + " (nor " + gzip.getFileName() + ")");
    }

    /** {@code dir/name}, which must exist. */
    static Path required(Path directory, String name) {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new DataException("missing data file " + file);
        }
        return file;
    }

    /**
     * The whole content of a file, decompressed when it is gzip (recognised by its magic bytes, not its name).
     *
     * @throws DataException when the file cannot be read or its compressed stream is corrupt or cut short
     */
    static byte[] readAll(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw, BUFFER);
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            if (first == 0x1f && second == 0x8b) {
                try (GZIPInputStream gzip = new GZIPInputStream(in, BUFFER)) {
                    return gzip.readAllBytes();
                }
            }
            return in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new DataException("missing data file " + file, e);
        } catch (IOException e) {
            throw new DataException("unreadable data file " + file + ": " + describe(e), e);
        }
    }

    /** What went wrong, in words: the exception's message, or its cause's, or at least its kind. */
    static String describe(IOException e) {
        if (e instanceof java.io.EOFException) {
            return "truncated (" + (e.getMessage() == null ? "unexpected end of file" : e.getMessage()) + ")";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e instanceof java.net.ConnectException ? "connection failed" : e.getClass().getSimpleName();
    }

    static int bigEndianInt(byte[] data, int offset) {
        return ((data[offset] & 0xff) << 24) | ((data[offset + 1] & 0xff) << 16) | ((data[offset + 2] & 0xff) << 8)
                | (data[offset + 3] & 0xff);
    }
}
