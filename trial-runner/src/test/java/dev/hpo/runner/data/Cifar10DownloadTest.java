package dev.hpo.runner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.hpo.arch.InputShape;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10DownloadTest {

    @TempDir
    Path temp;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The real layout: cifar-10-batches-bin/ with six small batches, the names file and a readme. */
    private static byte[] archive() {
        TarFixture tar = new TarFixture().folder(Cifar10.BATCHES_FOLDER);
        for (int b = 1; b <= 5; b++) {
            tar.file(Cifar10.BATCHES_FOLDER + "/data_batch_" + b + ".bin",
                    DataFixtures.cifarRecords(DataFixtures.cyclicLabels(10, 2), b * 1000));
        }
        tar.file(Cifar10.BATCHES_FOLDER + "/test_batch.bin",
                DataFixtures.cifarRecords(DataFixtures.cyclicLabels(10, 3), 9000));
        tar.file(Cifar10.BATCHES_FOLDER + "/batches.meta.txt",
                String.join("\n", Cifar10.STANDARD_NAMES).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        tar.file(Cifar10.BATCHES_FOLDER + "/readme.html", "<html></html>".getBytes());
        return tar.tarGz();
    }

    private URI serve(byte[] body, int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cifar-10-binary.tar.gz", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cifar-10-binary.tar.gz");
    }

    private static Cifar10Download download(URI source, String md5) {
        return new Cifar10Download(HttpClient.newHttpClient(), source, md5);
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void downloadsVerifiesAndUnpacksOnceThenReusesTheCache() throws IOException {
        byte[] archive = archive();
        URI source = serve(archive, 200);
        Path cache = temp.resolve("cache");

        Path batches = download(source, md5(archive)).fetch(cache);
        Path again = download(source, md5(archive)).fetch(cache);

        assertThat(batches).isEqualTo(cache.resolve(Cifar10.BATCHES_FOLDER)).isEqualTo(again);
        assertThat(requests).hasValue(1);
        assertThat(Files.size(batches.resolve("data_batch_4.bin"))).isEqualTo(20L * Cifar10.RECORD_BYTES);
        assertThat(cache.resolve(Cifar10Download.ARCHIVE_NAME)).doesNotExist();
        TrialData data = TrialDataLoader.load(new DataSpec(Dataset.CIFAR10, Optional.of(cache.toString()), 10, 3, 0),
                InputShape.of(3, 32, 32));
        assertThat(data.train().size()).isEqualTo(100);
        assertThat(data.validation().size()).isEqualTo(30);
    }

    @Test
    void anArchiveAlreadyInTheCacheIsUsedWithoutTheNetwork() throws IOException {
        byte[] archive = archive();
        Path cache = Files.createDirectories(temp.resolve("cache"));
        Files.write(cache.resolve(Cifar10Download.ARCHIVE_NAME), archive);

        Path batches = download(URI.create("http://127.0.0.1:" + closedPort() + "/x.tar.gz"), md5(archive))
                .fetch(cache);

        assertThat(batches.resolve("test_batch.bin")).isRegularFile();
    }

    @Test
    void checksumMismatchIsRefusedAndTheFileDeleted() throws IOException {
        byte[] archive = archive();
        URI source = serve(archive, 200);
        Path cache = temp.resolve("cache");
        String wrong = "0123456789abcdef0123456789abcdef";

        assertThatThrownBy(() -> download(source, wrong).fetch(cache)).isInstanceOf(DataException.class)
                .hasMessageContaining("checksum mismatch").hasMessageContaining("expected " + wrong)
                .hasMessageContaining(md5(archive));
        assertThat(cache.resolve(Cifar10Download.ARCHIVE_NAME)).doesNotExist();
        assertThat(cache.resolve(Cifar10.BATCHES_FOLDER)).doesNotExist();
    }

    @Test
    void offlineOrFailedDownloadsSayWhatToDo() throws IOException {
        URI unreachable = URI.create("http://127.0.0.1:" + closedPort() + "/cifar-10-binary.tar.gz");
        Path cache = temp.resolve("cache");

        assertThatThrownBy(() -> download(unreachable, Cifar10Download.OFFICIAL_MD5).fetch(cache))
                .isInstanceOf(DataException.class).hasMessageContaining("cannot download CIFAR-10 from " + unreachable)
                .hasMessageContaining("copy cifar-10-binary.tar.gz into " + cache);
        assertThat(cache.resolve(Cifar10Download.ARCHIVE_NAME + ".part")).doesNotExist();

        URI missing = serve(new byte[0], 404);
        assertThatThrownBy(() -> download(missing, Cifar10Download.OFFICIAL_MD5).fetch(cache))
                .isInstanceOf(DataException.class).hasMessageContaining("HTTP 404");
    }

    @Test
    void corruptArchivesAreNamed() throws IOException {
        Path cache = Files.createDirectories(temp.resolve("cache"));
        Path file = cache.resolve(Cifar10Download.ARCHIVE_NAME);

        byte[] cut = DataFixtures.gzip(Arrays.copyOf(new TarFixture().folder(Cifar10.BATCHES_FOLDER)
                .file(Cifar10.BATCHES_FOLDER + "/data_batch_1.bin", new byte[5000]).tar(), 2048));
        assertUnpackFails(file, cut, "truncated archive");

        byte[] escaping = new TarFixture().file(Cifar10.BATCHES_FOLDER + "/../../evil.bin", new byte[10]).tarGz();
        assertUnpackFails(file, escaping, "leaves its folder");
        assertThat(temp.resolve("evil.bin")).doesNotExist();

        byte[] incomplete = new TarFixture().file(Cifar10.BATCHES_FOLDER + "/data_batch_1.bin", new byte[3073])
                .tarGz();
        assertUnpackFails(file, incomplete, "lacks cifar-10-batches-bin/data_batch_2.bin");

        byte[] other = new TarFixture().file("something-else/data.bin", new byte[10]).tarGz();
        assertUnpackFails(file, other, "holds no files under cifar-10-batches-bin/");
    }

    private void assertUnpackFails(Path file, byte[] archive, String problem) throws IOException {
        Files.write(file, archive);
        assertThatThrownBy(() -> download(URI.create("http://127.0.0.1:1/unused"), md5(archive))
                .fetch(file.getParent())).isInstanceOf(DataException.class).hasMessageContaining(problem)
                .hasMessageContaining(file.toString());
    }

    @Test
    void rejectsMalformedChecksums() {
        assertThatThrownBy(() -> download(URI.create("http://127.0.0.1/x"), "abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("md5 must be 32 hexadecimal");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
