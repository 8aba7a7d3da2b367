package dev.hpo.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document as the running service serves it: the contract clients are generated from. Each test run
 * also writes it to {@code target/openapi.json}, where the openapi-client-test module lints it and generates a
 * client from it.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    static final Path EXPORT = Path.of("target", "openapi.json");

    @LocalServerPort
    int port;

    JsonNode document;

    @BeforeAll
    void readAndExportTheDocument() throws IOException {
        HttpApi.Reply reply = new HttpApi(port).get("/v3/api-docs");
        assertThat(reply.status()).isEqualTo(200);
        document = reply.json();
        Files.createDirectories(EXPORT.getParent());
        Files.writeString(EXPORT, document.toPrettyString());
    }

    @Test
    void theStudySpecIsTheBodyOfCreationAndItsSchemaIsServedAsWritten() {
        JsonNode body = operation("/api/studies", "post").at("/requestBody/content/application~1json/schema");
        assertThat(body.path("$ref").asText()).isEqualTo("#/components/schemas/StudySpec");

        StudySpecSchemas.definitions().forEach((name, schema) ->
                assertThat(sortedRequired(document.at("/components/schemas/" + name))).as(name)
                        .isEqualTo(sortedRequired(schema)));
    }

    @Test
    void creationAnswers201WithTheLocationOfWhatItCreated() {
        for (String path : List.of("/api/studies", "/api/studies/{studyId}/trials", "/api/studies/import")) {
            JsonNode responses = operation(path, "post").get("responses");
            assertThat(responses.has("200")).as(path).isFalse();
            assertThat(responses.at("/201/headers/Location/schema/type").asText()).as(path).isEqualTo("string");
            assertThat(responses.at("/201/content/application~1json/schema").isMissingNode()).as(path).isFalse();
        }
    }

    @Test
    void everyOperationHasAnIdASummaryADescriptionAndATag() {
        Set<String> tags = new TreeSet<>();
        document.withArray("tags").forEach(t -> tags.add(t.get("name").asText()));
        List<String> ids = new ArrayList<>();
        operations((name, operation) -> {
            assertThat(operation.path("summary").asText()).as(name).isNotBlank();
            assertThat(operation.path("description").asText()).as(name).isNotBlank();
            assertThat(operation.path("tags")).as(name).singleElement()
                    .satisfies(tag -> assertThat(tags).contains(tag.asText()));
            ids.add(operation.path("operationId").asText());
        });

        assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
        assertThat(tags).containsExactly("studies", "trials", "worker protocol");
    }

    @Test
    void everyRefusalIsAProblemDetail() {
        operations((name, operation) -> operation.get("responses").fields().forEachRemaining(r -> {
            if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                JsonNode content = resolve(r.getValue()).get("content");
                assertThat(content.fieldNames()).toIterable().as(name + " " + r.getKey())
                        .containsExactly("application/problem+json");
                assertThat(content.at("/application~1problem+json/schema/$ref").asText())
                        .isEqualTo("#/components/schemas/Problem");
            }
        }));
        assertThat(document.at("/components/schemas/Problem/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void listsTheRefusalsEachOperationCanMeet() {
        Map<String, List<String>> expected = Map.of(
                "get /api/studies", List.of("200", "503"),
                "post /api/studies", List.of("201", "400", "401", "409", "413", "415", "503"),
                "get /api/studies/{id}", List.of("200", "400", "404", "503"),
                "post /api/studies/{id}/stop", List.of("200", "400", "401", "404", "503"),
                "get /api/studies/{id}/pareto", List.of("200", "400", "404", "409", "503"),
                "get /api/studies/{id}/export", List.of("200", "400", "404", "409", "503"),
                "post /api/studies/import", List.of("201", "400", "401", "409", "413", "415", "503"),
                "post /api/trials/{trialId}/heartbeat", List.of("200", "400", "401", "404", "413", "415", "503"),
                "post /api/trials/{trialId}/complete",
                List.of("200", "400", "401", "404", "409", "413", "415", "503"));

        expected.forEach((operation, codes) -> {
            String[] methodAndPath = operation.split(" ");
            assertThat(operation(methodAndPath[1], methodAndPath[0]).get("responses").fieldNames()).toIterable()
                    .as(operation).containsExactlyElementsOf(codes);
        });
    }

    @Test
    void aTrialsFilesAreUploadedAndDownloadedAsBytesWithTheirChecksum() {
        JsonNode upload = operation("/api/trials/{trialId}/artifacts/{name}", "post");
        JsonNode download = operation("/api/studies/{studyId}/trials/{trialId}/artifacts/{name}", "get");

        assertThat(upload.get("responses").fieldNames()).toIterable()
                .containsExactly("200", "400", "401", "404", "409", "413", "503");
        assertThat(upload.at("/requestBody/content").fieldNames()).toIterable()
                .containsExactly("application/octet-stream");
        assertThat(download.get("responses").fieldNames()).toIterable().containsExactly("200", "400", "404", "503");
        assertThat(download.at("/responses/200/headers").has("X-Content-SHA256")).isTrue();
    }

    @Test
    void writesNeedTheTokenAndReadsDoNot() {
        assertThat(document.has("security")).isFalse();
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        operations((name, operation) -> {
            JsonNode security = operation.get("security");
            if (name.startsWith("get ")) {
                assertThat(security).as(name).isEmpty();
            } else {
                assertThat(security.toString()).as(name).isEqualTo("[{\"bearer\":[]}]");
                assertThat(operation.at("/responses/401/$ref").asText()).as(name)
                        .isEqualTo("#/components/responses/Unauthorized");
            }
        });
    }

    @Test
    void answersAreJsonAndTheDashboardsOwnEndpointsAreLeftOut() {
        operations((name, operation) -> {
            JsonNode ok = operation.get("responses").has("200") ? operation.at("/responses/200")
                    : operation.at("/responses/201");
            String expected = name.endsWith(".csv") ? "text/csv"
                    : name.equals("get /api/studies/{studyId}/trials/{trialId}/artifacts/{name}")
                    ? "application/octet-stream" : "application/json";
            assertThat(ok.get("content").fieldNames()).toIterable().as(name).containsExactly(expected);
        });
        assertThat(document.get("paths").fieldNames()).toIterable().noneMatch(p -> p.startsWith("/api/dashboard"));
        assertThat(document.at("/components/schemas").has("JsonNode")).isFalse();
    }

    @Test
    void isTheSameWhereverTheServiceListens() {
        assertThat(document.get("servers").toString()).isEqualTo(
                "[{\"url\":\"/\",\"description\":\"The service that serves this document.\"}]");
    }

    /** Each operation as {@code "method path"}. */
    private void operations(BiConsumer<String, JsonNode> check) {
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields()
                .forEachRemaining(op -> check.accept(op.getKey() + " " + path.getKey(), op.getValue())));
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = document.get("paths").path(path).path(method);
        assertThat(operation.isObject()).as(method + " " + path).isTrue();
        return operation;
    }

    private JsonNode resolve(JsonNode response) {
        String ref = response.path("$ref").asText();
        return ref.isEmpty() ? response : document.at(ref.substring(1));
    }

    /** The schema with every list of required fields in name order, as the served document writes them. */
    private static JsonNode sortedRequired(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        sortRequired(copy);
        return copy;
    }

    private static void sortRequired(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("required") instanceof ArrayNode required) {
                object.set("required", JsonNodeFactory.instance.arrayNode().addAll(sortedTexts(required)));
            }
            object.forEach(OpenApiDocumentTest::sortRequired);
        } else if (node instanceof ArrayNode array) {
            array.forEach(OpenApiDocumentTest::sortRequired);
        }
    }

    private static List<JsonNode> sortedTexts(ArrayNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        items.sort((a, b) -> a.asText().compareTo(b.asText()));
        return items;
    }
}
