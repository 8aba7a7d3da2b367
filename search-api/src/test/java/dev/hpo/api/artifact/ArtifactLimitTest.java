package dev.hpo.api.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import dev.hpo.api.config.ApiProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@ApiTest
@TestPropertySource(properties = "hpo.api.max-artifact=1KB")
class ArtifactLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiProperties properties;

    @Test
    void aFileOverTheServicesLimitIsRefusedWith413NamingItAndLeavesNothing() throws Exception {
        HttpApi api = new HttpApi(port);
        long study = api.createStudy(Specs.minimizeLoss("too-large", 1, 1).replace("\"seed\": 7",
                "\"seed\": 7, \"artifacts\": {\"keep\": 1}"));
        long trial = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();
        ArtifactUploads uploads = new ArtifactUploads(api, port);

        HttpApi.Reply tooLarge = uploads.upload(trial, "w1", "network.zip", "x".repeat(1025));
        HttpApi.Reply fits = uploads.upload(trial, "w1", "small.zip", "x".repeat(1024));

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").asText()).contains("1024 bytes");
        assertThat(fits.status()).isEqualTo(200);
        assertThat(api.get("/api/studies/" + study + "/trials/" + trial + "/artifacts").json())
                .extracting(a -> a.get("name").asText()).containsExactly("small.zip");
        Path incoming = properties.artifactDir().resolve("incoming");
        try (var left = Files.list(incoming)) {
            assertThat(left).isEmpty();
        }
    }
}
