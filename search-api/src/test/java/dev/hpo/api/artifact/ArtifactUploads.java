package dev.hpo.api.artifact;

import dev.hpo.api.HttpApi;
import dev.hpo.protocol.ArtifactView;
import dev.hpo.protocol.client.Checksums;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Uploads as a worker sends them, over real HTTP. */
final class ArtifactUploads {

    private final HttpApi api;
    private final int port;

    ArtifactUploads(HttpApi api, int port) {
        this.api = api;
        this.port = port;
    }

    static String sha256(String content) {
        return HexFormat.of().formatHex(Checksums.sha256().digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    HttpApi.Reply upload(long trialId, String worker, String encodedName, String content) {
        return upload(trialId, worker, encodedName, content, sha256(content));
    }

    HttpApi.Reply upload(long trialId, String worker, String encodedName, String content, String checksum) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/trials/"
                        + trialId + "/artifacts/" + encodedName + "?workerId=" + worker))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString(content));
        if (checksum != null) {
            request.header(ArtifactView.CHECKSUM_HEADER, checksum);
        }
        return api.send(request);
    }
}
