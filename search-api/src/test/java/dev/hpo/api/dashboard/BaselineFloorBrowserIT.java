package dev.hpo.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.protocol.Completion;
import dev.hpo.protocol.Enqueue;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.Retry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A HAET study's page in a real browser: minimise MACs subject to accuracy at least the baseline's, the baseline
 * enqueued and completed first, then cheaper trials of which some miss the accuracy floor. The page must rank as
 * {@code GET /api/studies/{id}/best} does: a trial below the floor is never the best, however cheap.
 */
@ExtendWith(RequiresChromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hpo-dashboard-baseline-floor;DB_CLOSE_DELAY=-1",
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaselineFloorBrowserIT {

    private static final String SPEC = """
            {"name": "haet-baseline-floor",
             "objectives": [{"metric": "macs", "goal": "MINIMIZE"}],
             "constraints": [{"metric": "accuracy", "min": "baseline"}],
             "algorithm": {"name": "RANDOM"},
             "budget": {"maxTrials": 20, "parallelism": 1},
             "trialSettings": {"timeCap": "60s"},
             "parameters": [{"name": "width", "type": "float", "min": 0.25, "max": 1.0}],
             "seed": 3}
            """;

    /** What each trial reports, in the order they run: the baseline first, then the search's trials. */
    private static final List<Map<String, Double>> RESULTS = List.of(
            Map.of("accuracy", 0.90, "macs", 40e6),
            Map.of("accuracy", 0.80, "macs", 5e6),
            Map.of("accuracy", 0.92, "macs", 20e6),
            Map.of("accuracy", 0.86, "macs", 10e6),
            Map.of("accuracy", 0.95, "macs", 30e6));

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    private HeadlessChromium browser;
    private DashboardPage page;
    private long study;
    /** Trial numbers in the order of {@link #RESULTS}. */
    private final List<Long> numbers = new ArrayList<>();

    @BeforeAll
    void runTheStudyAndStartBrowser() throws IOException {
        ApiClient api = ApiClient.http(URI.create("http://127.0.0.1:" + port), Optional.empty(), Retry.never());
        study = api.createStudy(SPEC).id();
        api.enqueue(study, new Enqueue(Map.of("width", 1.0)));
        for (Map<String, Double> result : RESULTS) {
            Suggestion trial = api.suggest(study, Suggest.of("worker-1", 1)).trials().get(0);
            numbers.add(trial.number());
            api.complete(trial.id(), Completion.of(result, "worker-1"));
        }
        browser = HeadlessChromium.start(1440, 2000);
        page = new DashboardPage(browser.driver(), port);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aTrialBelowTheBaselineFloorIsNeitherBestNorFeasible() throws IOException {
        ChromeDriver driver = browser.driver();
        page.open("/studies/" + study);
        page.waitForInteractive();

        SoftAssertions soft = new SoftAssertions();
        // The baseline reached 90%: the trials at 80% and 86% are cheaper than every other but miss the floor.
        String best = page.text(".best-box");
        soft.assertThat(best).as("best trial shown").contains("20M").contains("trial #" + numbers.get(2))
                .doesNotContain("trial #" + numbers.get(1));
        soft.assertThat(page.text("#study-head .tags"))
                .as("the constraint as resolved").contains("accuracy ≥ 90.00%").contains("baseline");
        // Best so far by trial number: the baseline, then the cheapest trial that meets the floor.
        List<Double> steps = page.seriesData("best", 1).stream().map(p -> p.get(1).doubleValue()).distinct().toList();
        soft.assertThat(steps).as("best-so-far steps").containsExactly(40e6, 20e6);
        List<Long> scatter = page.seriesSizes().get("scatter");
        soft.assertThat(scatter.subList(0, 2)).as("infeasible and feasible points").containsExactly(2L, 3L);
        soft.assertThat(page.text("#scatter-note")).as("feasible count").isEqualTo("3 feasible");
        soft.assertThat(cell(driver, numbers.get(1), "feasible")).as("feasibility of the 80% trial").isEqualTo("no");
        soft.assertThat(cell(driver, numbers.get(2), "feasible")).as("feasibility of the best trial").isEqualTo("yes");
        soft.assertThat(cell(driver, numbers.get(2), "rank")).as("rank of the best trial").isEqualTo("1");
        soft.assertThat(cell(driver, numbers.get(0), "rank")).as("rank of the baseline").isEqualTo("3");
        soft.assertAll();
        assertThat(browser.consoleProblems()).isEmpty();
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("baseline-floor.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The text of a trial's cell in the column with that sort key, or "" when the table has no such column. */
    private static String cell(ChromeDriver driver, long number, String column) {
        List<WebElement> headers = driver.findElements(By.cssSelector("#trials-table thead th"));
        int index = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (column.equals(headers.get(i).getAttribute("data-sort"))) {
                index = i;
            }
        }
        if (index < 0) {
            return "";
        }
        for (WebElement row : driver.findElements(By.cssSelector("#trials-table tbody tr[data-trial]"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (cells.get(1).getText().equals(String.valueOf(number))) {
                return cells.get(index).getText();
            }
        }
        return "";
    }
}
