package dev.hpo.api.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import dev.hpo.api.config.ApiProperties;
import dev.hpo.protocol.ArtifactView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class ArtifactEndpointsTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiProperties properties;

    HttpApi api;
    ArtifactUploads uploads;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
        uploads = new ArtifactUploads(api, port);
    }

    private static String keeping(String name, int trials, int keep) {
        return Specs.minimizeLoss(name, trials, trials).replace("\"seed\": 7",
                "\"seed\": 7, \"artifacts\": {\"keep\": " + keep + "}");
    }

    @Test
    void aStudyKeepsTheFilesOfItsBestConfigurationsOnly() {
        long study = api.createStudy(keeping("keeps-two", 4, 2));
        JsonNode trials = api.suggest(study, "w1", 4).get("trials");
        assertThat(trials).hasSize(4);
        assertThat(trials.get(0).get("keepArtifacts").asBoolean()).isTrue();
        double[] losses = {0.4, 0.1, 0.3, 0.2};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long id = trials.get(i).get("id").asLong();
            ids.add(id);
            assertThat(uploads.upload(id, "w1", "network.zip", "weights of " + i).status()).isEqualTo(200);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(api.post("/api/trials/" + ids.get(i) + "/complete",
                    "{\"workerId\": \"w1\", \"metrics\": {\"loss\": " + losses[i] + "}}").status()).isEqualTo(200);
        }

        assertThat(listed(study, ids.get(0))).isEmpty();
        assertThat(listed(study, ids.get(2))).isEmpty();
        assertThat(listed(study, ids.get(1))).singleElement().satisfies(a -> {
            assertThat(a.get("name").asText()).isEqualTo("network.zip");
            assertThat(a.get("sizeBytes").asLong()).isEqualTo("weights of 1".length());
            assertThat(a.get("sha256").asText()).isEqualTo(ArtifactUploads.sha256("weights of 1"));
            assertThat(a.get("available").asBoolean()).isTrue();
        });
        HttpApi.Reply download = api.get("/api/studies/" + study + "/trials/" + ids.get(3) + "/artifacts/network.zip");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("weights of 3");
        assertThat(download.header(ArtifactView.CHECKSUM_HEADER)).isEqualTo(ArtifactUploads.sha256("weights of 3"));
        assertThat(download.header("Content-Length")).isEqualTo("12");
        assertThat(filesOf(ids.get(0))).isEmpty();
        assertThat(filesOf(ids.get(1))).hasSize(1);
        JsonNode page = api.get("/api/dashboard/studies/" + study).json().get("trials");
        List<String> linked = new ArrayList<>();
        for (int row = 0; row < 4; row++) {
            linked.add(page.get("id").get(row).asLong() + ":" + page.get("artifacts").get(row));
        }
        assertThat(linked).as("the dashboard links the kept files").containsExactly(ids.get(0) + ":null",
                ids.get(1) + ":[\"network.zip\"]", ids.get(2) + ":null", ids.get(3) + ":[\"network.zip\"]");
    }

    @Test
    void aRetriedUploadReplacesTheFileOfThatName() {
        long study = api.createStudy(keeping("replaces", 1, 1));
        long trial = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();

        uploads.upload(trial, "w1", "network.zip", "first");
        uploads.upload(trial, "w1", "network.zip", "second");

        assertThat(listed(study, trial)).singleElement()
                .satisfies(a -> assertThat(a.get("sizeBytes").asLong()).isEqualTo(6));
        assertThat(filesOf(trial)).hasSize(1);
    }

    @Test
    void aCorruptUploadIsRefusedAndLeavesNothing() {
        long study = api.createStudy(keeping("corrupt", 1, 1));
        long trial = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();

        HttpApi.Reply reply = uploads.upload(trial, "w1", "network.zip", "bytes that changed",
                ArtifactUploads.sha256("bytes as sent"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains(ArtifactView.CHECKSUM_HEADER).contains("nothing was stored");
        assertThat(listed(study, trial)).isEmpty();
        assertThat(filesOf(trial)).isEmpty();
        assertThat(incoming()).isEmpty();
    }

    @Test
    void badNamesAndChecksumsAreRefusedByName() {
        long study = api.createStudy(keeping("bad-names", 1, 1));
        long trial = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();

        HttpApi.Reply dots = uploads.upload(trial, "w1", "..", "x");
        HttpApi.Reply control = uploads.upload(trial, "w1", "net%0A.zip", "x");
        HttpApi.Reply backslash = uploads.upload(trial, "w1", "..%5Cescape", "x");
        HttpApi.Reply slash = uploads.upload(trial, "w1", "..%2Fescape", "x");
        HttpApi.Reply longName = uploads.upload(trial, "w1", "n".repeat(256), "x");
        HttpApi.Reply noChecksum = uploads.upload(trial, "w1", "network.zip", "x", null);

        for (HttpApi.Reply reply : List.of(dots, control, longName)) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/path").asText()).isEqualTo("name");
        }
        assertThat(slash.status()).as("an encoded slash never reaches the service").isEqualTo(400);
        assertThat(backslash.status()).as("nor does an encoded backslash").isEqualTo(400);
        assertThat(noChecksum.status()).isEqualTo(400);
        assertThat(noChecksum.json().at("/errors/0/path").asText()).isEqualTo(ArtifactView.CHECKSUM_HEADER);
        assertThat(listed(study, trial)).isEmpty();
        assertThat(incoming()).isEmpty();
    }

    @Test
    void onlyTheRunningTrialsWorkerUploadsAndOnlyForAStudyThatKeepsArtifacts() {
        long keeps = api.createStudy(keeping("worker-only", 1, 1));
        long trial = api.suggest(keeps, "w1", 1).at("/trials/0/id").asLong();
        long keepsNone = api.createStudy(Specs.minimizeLoss("keeps-none", 1, 1));
        long other = api.suggest(keepsNone, "w1", 1).at("/trials/0/id").asLong();

        HttpApi.Reply otherWorker = uploads.upload(trial, "w2", "network.zip", "x");
        HttpApi.Reply noArtifacts = uploads.upload(other, "w1", "network.zip", "x");
        api.post("/api/trials/" + trial + "/complete", "{\"workerId\": \"w1\", \"metrics\": {\"loss\": 0.1}}");
        HttpApi.Reply afterTheEnd = uploads.upload(trial, "w1", "network.zip", "x");

        assertThat(otherWorker.status()).isEqualTo(409);
        assertThat(noArtifacts.status()).isEqualTo(409);
        assertThat(noArtifacts.body()).contains("keeps no artifacts");
        assertThat(afterTheEnd.status()).isEqualTo(409);
        assertThat(listed(keeps, trial)).isEmpty();
    }

    @Test
    void confirmationRunsKeepNoNetworksAndTheSearchsKeptOnesStay() {
        long study = api.createStudy(keeping("confirmed-keeps", 2, 1));
        List<Long> searched = new ArrayList<>();
        for (JsonNode trial : api.suggest(study, "w1", 2).get("trials")) {
            searched.add(trial.get("id").asLong());
            uploads.upload(trial.get("id").asLong(), "w1", "network.zip", "search network");
        }
        api.complete(searched.get(0), "{\"loss\": 0.1}");
        api.complete(searched.get(1), "{\"loss\": 0.2}");
        assertThat(api.post("/api/studies/" + study + "/confirmations", "{\"top\": 1, \"repeats\": 2}").status())
                .isEqualTo(201);

        JsonNode run = api.suggest(study, "w2", 1).at("/trials/0");
        HttpApi.Reply upload = uploads.upload(run.get("id").asLong(), "w2", "network.zip", "confirmation network");
        api.complete(run.get("id").asLong(), "{\"loss\": 0.15}");

        assertThat(run.get("confirmation").asBoolean()).isTrue();
        assertThat(run.get("keepArtifacts").asBoolean()).isFalse();
        assertThat(upload.status()).isEqualTo(409);
        assertThat(upload.body()).contains("confirmation runs keep no artifacts");
        assertThat(listed(study, searched.get(0))).hasSize(1);
        assertThat(listed(study, searched.get(1))).isEmpty();
        assertThat(listed(study, run.get("id").asLong())).isEmpty();
    }

    @Test
    void unknownStudiesTrialsAndFilesAreNamedIn404s() {
        long study = api.createStudy(keeping("unknowns", 1, 1));
        long trial = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();

        HttpApi.Reply noStudy = api.get("/api/studies/999999/trials/" + trial + "/artifacts");
        HttpApi.Reply noTrial = api.get("/api/studies/" + study + "/trials/999999/artifacts");
        HttpApi.Reply noFile = api.get("/api/studies/" + study + "/trials/" + trial + "/artifacts/missing.zip");
        HttpApi.Reply uploadToNoTrial = uploads.upload(999999, "w1", "network.zip", "x");

        assertThat(noStudy.status()).isEqualTo(404);
        assertThat(noStudy.json().get("detail").asText()).contains("Study 999999");
        assertThat(noTrial.status()).isEqualTo(404);
        assertThat(noTrial.json().get("detail").asText()).contains("no trial 999999");
        assertThat(noFile.status()).isEqualTo(404);
        assertThat(noFile.json().get("detail").asText()).contains("'missing.zip'");
        assertThat(uploadToNoTrial.status()).isEqualTo(404);
        assertThat(uploadToNoTrial.json().get("detail").asText()).contains("Trial 999999");
    }

    private List<JsonNode> listed(long study, long trial) {
        HttpApi.Reply reply = api.get("/api/studies/" + study + "/trials/" + trial + "/artifacts");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        reply.json().forEach(items::add);
        return items;
    }

    private List<Path> filesOf(long trial) {
        return list(properties.artifactDir().resolve(Long.toString(trial)));
    }

    private List<Path> incoming() {
        return list(properties.artifactDir().resolve("incoming"));
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
