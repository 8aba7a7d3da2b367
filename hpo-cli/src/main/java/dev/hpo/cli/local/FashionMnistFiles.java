package dev.hpo.cli.local;

import dev.hpo.cli.api.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds Fashion-MNIST's four IDX files, getting them when they are missing: Debian's
 * {@code dataset-fashion-mnist} package when present (installed with apt-get when running as root on Debian),
 * else a download from the dataset's official address, each file checked against its published MD5 and cached.
 */
public final class FashionMnistFiles {

    /** Where Debian's package puts the files. */
    public static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
    static final URI OFFICIAL = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");
    static final String PACKAGE = "dataset-fashion-mnist";

    /** The checksums the dataset's authors publish for the compressed files at the official address. */
    static final Map<String, String> MD5 = Map.of(
            "train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
            "train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe",
            "t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79",
            "t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310");

    private final Path debian;
    private final Path cache;
    private final URI source;
    private final Map<String, String> md5;
    private final boolean mayInstall;
    private final PrintWriter out;

    /**
     * @param debian where the Debian package puts the files
     * @param cache where downloaded files are kept, e.g. {@code ~/.hpo/datasets/fashion-mnist}
     * @param source the address the files are downloaded from
     * @param md5 the expected checksum of each file, by name
     * @param mayInstall whether installing the Debian package is worth a try
     */
    FashionMnistFiles(Path debian, Path cache, URI source, Map<String, String> md5, boolean mayInstall,
                      PrintWriter out) {
        this.debian = debian;
        this.cache = cache;
        this.source = source;
        this.md5 = Map.copyOf(md5);
        this.mayInstall = mayInstall;
        this.out = out;
    }

    public static FashionMnistFiles official(PrintWriter out) {
        return new FashionMnistFiles(DEBIAN, HpoHome.userDirectory().resolve("datasets").resolve("fashion-mnist"),
                OFFICIAL, MD5, true, out);
    }

    /**
     * The directory holding the four files, getting them first when needed.
     *
     * @throws CliException with one message saying how to get the files, when no way worked
     */
    public Path locate() throws InterruptedException {
        if (complete(debian)) {
            return debian;
        }
        if (cached()) {
            return cache;
        }
        Optional<String> aptProblem = mayInstall ? installDebianPackage()
                : Optional.of("the " + PACKAGE + " package is not installed");
        if (aptProblem.isEmpty() && complete(debian)) {
            return debian;
        }
        try {
            download();
            return cache;
        } catch (IOException e) {
            throw new CliException(1, "cannot get Fashion-MNIST: " + aptProblem.map(p -> p + "; ").orElse("")
                    + "downloading it from " + source + " failed (" + e.getMessage() + ")."
                    + System.lineSeparator() + "Get it one of these ways, then run the command again:"
                    + System.lineSeparator() + "  sudo apt-get install " + PACKAGE + "   (Debian/Ubuntu; files in "
                    + DEBIAN + ")"
                    + System.lineSeparator() + "  or put " + String.join(", ", md5.keySet().stream().sorted().toList())
                    + " from https://github.com/zalandoresearch/fashion-mnist into " + cache);
        }
    }

    /** Whether the four files are in {@code dir}, compressed or not. */
    static boolean complete(Path dir) {
        return MD5.keySet().stream().allMatch(name -> Files.isRegularFile(dir.resolve(name))
                || Files.isRegularFile(dir.resolve(name.substring(0, name.length() - 3))));
    }

    private boolean cached() {
        return md5.entrySet().stream().allMatch(e -> {
            Path file = cache.resolve(e.getKey());
            try {
                return Files.isRegularFile(file) && md5(file).equals(e.getValue());
            } catch (IOException ex) {
                return false;
            }
        });
    }

    /** Installs the Debian package when this is Debian and we are root; empty when it worked, else why not. */
    private Optional<String> installDebianPackage() throws InterruptedException {
        if (!Files.isRegularFile(Path.of("/etc/debian_version")) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return Optional.of("this is not Debian, so the " + PACKAGE + " package is not an option");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("installing the " + PACKAGE + " package needs root");
        }
        out.println("hpo: installing Debian's " + PACKAGE + " package (about 30 MB)...");
        out.flush();
        if (run(List.of("apt-get", "install", "-y", "-q", PACKAGE)) != 0
                && (run(List.of("apt-get", "update", "-q")) != 0
                || run(List.of("apt-get", "install", "-y", "-q", PACKAGE)) != 0)) {
            return Optional.of("apt-get install " + PACKAGE + " failed");
        }
        return Optional.empty();
    }

    private static int run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }

    private void download() throws IOException, InterruptedException {
        Files.createDirectories(cache);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        for (Map.Entry<String, String> file : md5.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Path target = cache.resolve(file.getKey());
            if (Files.isRegularFile(target) && md5(target).equals(file.getValue())) {
                continue;
            }
            out.println("hpo: downloading " + source.resolve(file.getKey()));
            out.flush();
            Path partial = cache.resolve(file.getKey() + ".part");
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(source.resolve(file.getKey()))
                    .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode() + " for " + file.getKey());
                }
                Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = md5(partial);
            if (!actual.equals(file.getValue())) {
                Files.deleteIfExists(partial);
                throw new IOException(file.getKey() + " has MD5 " + actual + ", expected " + file.getValue());
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static String md5(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
