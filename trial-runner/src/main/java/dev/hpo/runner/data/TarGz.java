package dev.hpo.runner.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks one top-level folder of a gzip-compressed tar archive (POSIX ustar and GNU headers, regular files and
 * folders; other entries are skipped). Small enough to keep a compression library out of the trainer. Entries
 * are unpacked into a staging folder first, so an interrupted run never leaves a half-filled folder in place.
 */
final class TarGz {

    private static final int BLOCK = 512;

    private TarGz() {
    }

    /**
     * @return {@code destination/folder}, replaced by the archive's {@code folder/}
     * @throws DataException when the archive is corrupt, cut short, lacks the folder or has an entry that would
     *     land outside it
     */
    static Path extract(Path archive, Path destination, String folder) {
        Path staging = destination.resolve("." + folder + ".unpacking");
        Path target = destination.resolve(folder);
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            int files = unpack(archive, staging, folder);
            if (files == 0) {
                throw new DataException("archive " + archive + " holds no files under " + folder + "/");
            }
            deleteTree(target);
            Files.move(staging.resolve(folder), target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(staging);
            return target;
        } catch (IOException e) {
            throw new DataException("cannot unpack archive " + archive + ": " + DataFiles.describe(e), e);
        }
    }

    private static int unpack(Path archive, Path staging, String folder) throws IOException {
        Path root = staging.toAbsolutePath().normalize();
        int files = 0;
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16))) {
            byte[] header = new byte[BLOCK];
            while (true) {
                if (!readBlock(in, header)) {
                    throw new DataException("truncated archive " + archive + ": it ends without the closing blocks");
                }
                if (isZero(header)) {
                    return files;
                }
                String name = name(header);
                long size = octal(header, 124, 12, archive);
                char type = (char) header[156];
                boolean wanted = name.startsWith(folder + "/");
                Path out = root.resolve(name).normalize();
                if (wanted && !out.startsWith(root.resolve(folder))) {
                    throw new DataException("corrupt archive " + archive + ": entry " + name + " leaves its folder");
                }
                if (wanted && type == '5') {
                    Files.createDirectories(out);
                } else if (wanted && (type == '0' || type == '\0')) {
                    Files.createDirectories(out.getParent());
                    try (OutputStream file = Files.newOutputStream(out)) {
                        copy(in, file, size, archive, name);
                    }
                    files++;
                    skip(in, padding(size), archive, name);
                    continue;
                }
                skip(in, size + padding(size), archive, name);
            }
        } catch (EOFException e) {
            throw new DataException("truncated archive " + archive + ": " + DataFiles.describe(e), e);
        }
    }

    private static String name(byte[] header) {
        String name = text(header, 0, 100);
        boolean ustar = text(header, 257, 6).startsWith("ustar");
        String prefix = ustar ? text(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length, Path archive) {
        String digits = text(header, offset, length).trim();
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
        } catch (NumberFormatException e) {
            throw new DataException("corrupt archive " + archive + ": entry size '" + digits + "' is not octal");
        }
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw new EOFException("a header block is cut short");
        }
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void copy(InputStream in, OutputStream out, long size, Path archive, String name)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new DataException("truncated archive " + archive + ": entry " + name + " is cut short");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private static void skip(InputStream in, long bytes, Path archive, String name) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped > 0) {
                left -= skipped;
            } else if (in.read() < 0) {
                throw new DataException("truncated archive " + archive + ": entry " + name + " is cut short");
            } else {
                left--;
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
