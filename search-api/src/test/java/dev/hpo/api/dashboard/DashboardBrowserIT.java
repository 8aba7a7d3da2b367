package dev.hpo.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.protocol.Candidate;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.Retry;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard in a real headless Chromium against the real service on an in-memory H2: seeded studies, every
 * page without console errors, charts that hold the data, live updates, and a screenshot for people to look at.
 */
@ExtendWith(RequiresChromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hpo-dashboard-it;DB_CLOSE_DELAY=-1",
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private static final int TRIALS = 240;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private HeadlessChromium browser;
    private ChromeDriver driver;
    private DashboardPage page;
    private long runningStudy;
    private long stoppedStudy;

    @BeforeAll
    void seedStudiesAndStartBrowser() throws Exception {
        StudySeeder seeder = new StudySeeder("http://127.0.0.1:" + port, jdbc);
        runningStudy = seeder.createStudy("fashion-mnist-haet", TRIALS + 60);
        seeder.seedTrials(runningStudy, TRIALS, 11);
        stoppedStudy = seeder.createTradeOffStudy("width-sweep", 40);
        seeder.seedTrials(stoppedStudy, 12, 12);
        seeder.stopStudy(stoppedStudy);
        browser = HeadlessChromium.start(1440, 2000);
        driver = browser.driver();
        page = new DashboardPage(driver, port);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void forgetEarlierConsoleMessages() {
        browser.consoleProblems();
    }

    @Test
    void studiesListShowsEachStudyWithItsStateAndProgress() {
        open("/");
        List<WebElement> rows = waitFor(() -> driver.findElements(By.cssSelector("tr[data-study]")), r -> r.size() == 2);
        String running = row(rows, runningStudy).getText();
        assertThat(running).contains("fashion-mnist-haet").contains("RUNNING");
        assertThat(running).contains(finished(runningStudy) + " / " + (TRIALS + 60) + " finished");
        assertThat(row(rows, stoppedStudy).getText()).contains("width-sweep").contains("STOPPED");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void studyPageDeepLinkShowsTheSeededTrialsNewestFirst() {
        open("/studies/" + runningStudy);
        waitForInteractive();
        assertThat(driver.getTitle()).isEqualTo("hpo · fashion-mnist-haet");
        List<WebElement> rows = driver.findElements(By.cssSelector("#trials-table tbody tr[data-trial]"));
        assertThat(rows).hasSize(50);
        assertThat(rows.get(0).findElement(By.cssSelector("td.num")).getText()).isEqualTo(String.valueOf(TRIALS - 1));
        assertThat(driver.findElement(By.cssSelector(".pager")).getText()).contains("1–50 of " + TRIALS);
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void stateFilterShowsOnlyTrialsInThatState() {
        open("/studies/" + runningStudy);
        waitForInteractive();
        long failed = count("SELECT COUNT(*) FROM trials WHERE study_id = ? AND state = 'FAILED'", runningStudy);
        assertThat(failed).isPositive();
        driver.findElement(By.cssSelector(".chip[data-filter='FAILED']")).click();
        List<WebElement> rows = driver.findElements(By.cssSelector("#trials-table tbody tr[data-trial]"));
        assertThat(rows).hasSize((int) failed);
        assertThat(rows).allSatisfy(r -> assertThat(r.getText()).contains("FAILED"));
        assertThat(rows.get(0).findElement(By.cssSelector("td.reason")).getText()).isNotBlank();
    }

    @Test
    void sortingByAccuracyPutsTheMostAccurateTrialFirst() {
        open("/studies/" + runningStudy);
        waitForInteractive();
        driver.findElement(By.cssSelector("th[data-sort='metric:accuracy']")).click();
        double best = jdbc.queryForList("SELECT metrics_json FROM trials WHERE study_id = ? AND state = 'COMPLETE'",
                        String.class, runningStudy).stream()
                .mapToDouble(m -> Double.parseDouble(m.replaceAll(".*\"accuracy\":([0-9.Ee-]+).*", "$1")))
                .max().orElseThrow();
        String shown = driver.findElement(By.cssSelector("#trials-table tbody tr[data-trial]")).getText();
        assertThat(shown).contains(String.format("%.2f%%", best * 100));
    }

    @Test
    void chartsHoldTheTrialsAndPaintTheirCanvases() {
        open("/studies/" + runningStudy);
        waitForInteractive();
        long complete = count("SELECT COUNT(*) FROM trials WHERE study_id = ? AND state = 'COMPLETE'", runningStudy);
        Map<String, List<Long>> series = page.seriesSizes();
        // Scatter: infeasible + feasible points are every complete trial; one objective draws no Pareto front.
        List<Long> scatter = series.get("scatter");
        assertThat(scatter).hasSize(2);
        assertThat(scatter.get(0) + scatter.get(1)).isEqualTo(complete);
        assertThat(scatter.get(1)).isPositive();
        assertThat(series.get("best").get(1)).isPositive();
        assertThat(series.get("parallel")).containsExactly(complete);
        // Learning curves start with the best trials and the latest pruned ones ticked.
        assertThat(series.get("curves")).hasSizeGreaterThanOrEqualTo(4).allSatisfy(n -> assertThat(n).isPositive());
        for (String chart : List.of("scatter", "best", "curves", "parallel")) {
            assertThat(page.paintedPixels(chart)).as("painted pixels of " + chart).isGreaterThan(2000);
        }
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void bestSoFarSwitchesBetweenTrialNumberAndTime() {
        open("/studies/" + runningStudy);
        waitForInteractive();
        List<Long> byNumber = page.seriesSizes().get("best");
        driver.findElement(By.cssSelector(".toggle [data-axis='time']")).click();
        assertThat(driver.findElement(By.cssSelector(".toggle [data-axis='time']")).getAttribute("class")).contains("on");
        assertThat(page.xAxisName("best")).isEqualTo("time since start");
        assertThat(byNumber.get(1)).isPositive();
        assertThat(page.seriesSizes().get("best").get(1)).isPositive();
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void aStudyOfTwoObjectivesDrawsTheParetoFrontTheApiAnswers() {
        open("/studies/" + stoppedStudy);
        waitForInteractive();
        ApiClient api = ApiClient.http(URI.create(page.base()), Optional.empty(), Retry.never());
        List<Candidate> front = api.pareto(stoppedStudy).front();
        assertThat(front).isNotEmpty();
        // The scatter puts the first objective, accuracy, up and MACs along; MACs are whole numbers, kept exactly.
        List<List<Number>> drawn = page.seriesData("scatter", 2);
        assertThat(drawn).extracting(p -> p.get(0).doubleValue())
                .containsExactlyInAnyOrderElementsOf(front.stream().map(c -> c.metrics().get("macs")).toList());
        assertThat(drawn).extracting(p -> p.get(1).doubleValue()).allSatisfy(a -> assertThat(front)
                .anySatisfy(c -> assertThat(c.metrics().get("accuracy")).isCloseTo(a, within(1e-5))));
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void trialDeepLinkOpensItsDetailWithParametersAndMeasurements() {
        Map<String, Object> pruned = jdbc.queryForMap("""
                SELECT t.id, t.number FROM trials t WHERE t.study_id = ? AND t.state = 'PRUNED'
                 ORDER BY number LIMIT 1""", runningStudy);
        open("/studies/" + runningStudy + "?trial=" + pruned.get("ID"));
        WebElement drawer = waitFor(() -> driver.findElement(By.id("drawer")),
                d -> d.isDisplayed() && !d.findElements(By.cssSelector(".drawer-body dl")).isEmpty());
        assertThat(drawer.findElement(By.className("drawer-title")).getText()).contains("Trial #" + pruned.get("NUMBER")).contains("PRUNED");
        long measurements = count("SELECT COUNT(*) FROM measurements WHERE trial_id = ?", ((Number) pruned.get("ID")).longValue());
        assertThat(drawer.findElements(By.cssSelector(".drawer-body tbody tr"))).hasSize((int) measurements);
        assertThat(drawer.getText()).contains("learningRate").contains("optimizer");
        drawer.findElement(By.cssSelector("[data-close]")).click();
        assertThat(drawer.isDisplayed()).isFalse();
        assertThat(driver.getCurrentUrl()).doesNotContain("trial=");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void failedTrialDetailSaysWhyItFailed() {
        Map<String, Object> failed = jdbc.queryForMap(
                "SELECT id, failure_reason FROM trials WHERE study_id = ? AND state = 'FAILED' ORDER BY number LIMIT 1", runningStudy);
        open("/studies/" + runningStudy + "?trial=" + failed.get("ID"));
        // Read afresh on every try: the drawer redraws itself whenever the study changes.
        String reason = waitFor(() -> driver.findElements(By.cssSelector("#drawer .reason-box")).stream()
                .map(WebElement::getText).findFirst().orElse(""), r -> !r.isEmpty());
        assertThat(reason).isEqualTo("Reason " + failed.get("FAILURE_REASON"));
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void stoppedStudyShowsAsStoppedAndIsNotPolled() {
        open("/studies/" + stoppedStudy);
        waitForInteractive();
        assertThat(driver.findElement(By.id("study-state")).getText()).isEqualTo("STOPPED");
        assertThat(driver.findElement(By.id("live")).getText()).isEqualTo("not running");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void aClaimedTrialShowsAsRunningWithoutAReload() throws Exception {
        open("/studies/" + runningStudy);
        waitForInteractive();
        js().executeScript("window.notReloaded = true;");
        long running = count("SELECT COUNT(*) FROM trials WHERE study_id = ? AND state = 'RUNNING'", runningStudy);
        By runningChip = By.cssSelector(".chip[data-filter='RUNNING']");
        assertThat(driver.findElement(runningChip).getText()).isEqualTo("running " + running);
        new StudySeeder(page.base(), jdbc).claimTrial(runningStudy, "browser-test-worker");
        waitFor(() -> driver.findElement(runningChip).getText(), t -> t.equals("running " + (running + 1)));
        assertThat(js().executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void unknownStudySaysSo() {
        open("/studies/987654");
        WebElement head = waitFor(() -> driver.findElement(By.id("study-head")), h -> h.getText().contains("no study"));
        assertThat(head.getText()).contains("There is no study 987654.");
    }

    @Test
    void screenshotOfTheStudyPage() throws IOException {
        open("/studies/" + runningStudy);
        waitForInteractive();
        Files.createDirectories(SCREENSHOTS);
        Path shot = SCREENSHOTS.resolve("study.png");
        Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(50_000);
        open("/");
        waitFor(() -> driver.findElements(By.cssSelector("tr[data-study]")), r -> r.size() == 2);
        Files.write(SCREENSHOTS.resolve("studies.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void open(String path) {
        page.open(path);
    }

    private void waitForInteractive() {
        page.waitForInteractive();
    }

    private <T> T waitFor(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
        return page.waitFor(read, done);
    }

    private JavascriptExecutor js() {
        return driver;
    }

    private static WebElement row(List<WebElement> rows, long studyId) {
        return rows.stream().filter(r -> r.getAttribute("data-study").equals(String.valueOf(studyId))).findFirst().orElseThrow();
    }

    private long finished(long studyId) {
        return count("SELECT COUNT(*) FROM trials WHERE study_id = ? AND state IN ('COMPLETE', 'FAILED', 'PRUNED', 'STOPPED')", studyId);
    }

    private long count(String sql, long id) {
        return jdbc.queryForObject(sql, Long.class, id);
    }
}
