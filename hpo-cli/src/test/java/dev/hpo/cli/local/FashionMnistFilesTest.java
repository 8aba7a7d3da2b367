package dev.hpo.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.hpo.cli.api.CliException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Getting the dataset: an installed copy first, else a download checked against the published checksums. */
class FashionMnistFilesTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new LinkedHashMap<>();
    private final StringWriter log = new StringWriter();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath().substring(1));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private FashionMnistFiles files(Map<String, String> md5) {
        URI source = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return new FashionMnistFiles(dir.resolve("debian"), dir.resolve("cache"), source, md5, false,
                new PrintWriter(log, true));
    }

    private Map<String, String> publish() throws Exception {
        Map<String, String> md5 = new LinkedHashMap<>();
        for (String name : FashionMnistFiles.MD5.keySet()) {
            byte[] content = ("content of " + name).getBytes(StandardCharsets.UTF_8);
            served.put(name, content);
            md5.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)));
        }
        return md5;
    }

    @Test
    void anInstalledCopyIsUsedAsItIs() throws Exception {
        Path debian = Files.createDirectories(dir.resolve("debian"));
        for (String name : FashionMnistFiles.MD5.keySet()) {
            Files.writeString(debian.resolve(name), "x");
        }

        assertThat(files(publish()).locate()).isEqualTo(debian);
        assertThat(log.toString()).doesNotContain("downloading");
    }

    @Test
    void downloadsVerifiesAndCachesTheFiles() throws Exception {
        Map<String, String> md5 = publish();

        Path located = files(md5).locate();

        assertThat(located).isEqualTo(dir.resolve("cache"));
        for (String name : md5.keySet()) {
            assertThat(Files.readString(located.resolve(name))).isEqualTo("content of " + name);
        }
        served.clear();
        assertThat(files(md5).locate()).as("the cache needs no second download").isEqualTo(located);
    }

    @Test
    void aDownloadWithTheWrongChecksumIsRejectedWithHowToGetTheFiles() throws Exception {
        Map<String, String> md5 = publish();
        served.put("t10k-labels-idx1-ubyte.gz", "tampered".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> files(md5).locate()).isInstanceOf(CliException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte.gz has MD5")
                .hasMessageContaining("apt-get install dataset-fashion-mnist");
        assertThat(dir.resolve("cache/t10k-labels-idx1-ubyte.gz")).doesNotExist();
    }
}
