package dev.hpo.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.protocol.Completion;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.Checksums;
import dev.hpo.protocol.client.Retry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A study that keeps its best configuration's network, in a real browser: the trials table links the kept file, and
 * only that one, and the link downloads it.
 */
@ExtendWith(RequiresChromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hpo-dashboard-artifacts;DB_CLOSE_DELAY=-1",
        "hpo.api.artifact-dir=${java.io.tmpdir}/hpo-dashboard-artifacts-${random.uuid}"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArtifactLinksBrowserIT {

    private static final String SPEC = """
            {"name": "keeps-its-best",
             "objectives": [{"metric": "accuracy", "goal": "MAXIMIZE"}],
             "algorithm": {"name": "RANDOM"},
             "budget": {"maxTrials": 3, "parallelism": 1},
             "trialSettings": {"timeCap": "60s"},
             "parameters": [{"name": "width", "type": "float", "min": 0.25, "max": 1.0}],
             "artifacts": {"keep": 1},
             "seed": 5}
            """;

    @LocalServerPort
    int port;

    private HeadlessChromium browser;
    private DashboardPage page;
    private long study;
    private final List<Suggestion> trials = new ArrayList<>();

    @BeforeAll
    void runTheStudyAndStartBrowser() throws IOException {
        ApiClient api = ApiClient.http(URI.create("http://127.0.0.1:" + port), Optional.empty(), Retry.never());
        study = api.createStudy(SPEC).id();
        for (double accuracy : new double[] {0.7, 0.9, 0.8}) {
            Suggestion trial = api.suggest(study, Suggest.of("worker-1", 1)).trials().get(0);
            Path network = Files.writeString(Files.createTempFile("network", ".zip"), "network " + trial.number());
            api.uploadArtifact(trial.id(), "worker-1", "network.zip", network, Checksums.sha256(network));
            api.complete(trial.id(), Completion.of(Map.of("accuracy", accuracy), "worker-1"));
            trials.add(trial);
        }
        browser = HeadlessChromium.start(1440, 1200);
        page = new DashboardPage(browser.driver(), port);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theTrialsTableLinksTheKeptNetworkForDownload() throws Exception {
        page.open("/studies/" + study);
        page.waitForInteractive();

        List<WebElement> links = browser.driver().findElements(By.cssSelector("#trials-table tbody a[download]"));

        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.getText()).isEqualTo("network.zip");
            assertThat(link.findElement(By.xpath("ancestor::tr")).getAttribute("data-trial"))
                    .isEqualTo(String.valueOf(trials.get(1).id()));
        });
        String href = links.get(0).getAttribute("href");
        assertThat(href).endsWith("/api/studies/" + study + "/trials/" + trials.get(1).id()
                + "/artifacts/network.zip");
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(download.body()).isEqualTo("network " + trials.get(1).number());
        assertThat(browser.consoleProblems()).isEmpty();
    }
}
