package dev.hpo.bench.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.api.SearchApiApplication;
import dev.hpo.api.dashboard.HeadlessChromium;
import dev.hpo.api.dashboard.RequiresChromium;
import dev.hpo.api.dashboard.StudySeeder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How long a study with ten thousand trials takes to become usable in the browser. Run by {@code ./hpo bench
 * dashboard} (Failsafe, by name; not part of the normal build). Seeds the study into the embedded file database
 * the server uses by default, loads {@code /studies/{id}} in headless Chromium several times and prints, as JSON:
 * time to interactive (the frames after the page stops being {@code aria-busy}: table and all charts drawn), when the
 * study's data arrived (Chrome's resource timing), and how long sorting, filtering and paging the table take once
 * shown. The page carries no timing code of its own: a script Chrome runs in every new document watches for the
 * busy flag to go. Figures are printed, not asserted.
 */
@ExtendWith(RequiresChromium.class)
@SpringBootTest(classes = SearchApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBenchmark {

    private static final int TRIALS = Integer.getInteger("hpo.bench.trials", 10_000);
    private static final int LOADS = Integer.getInteger("hpo.bench.loads", 7);
    private static final Path OUTPUT = Path.of("target", "bench", "dashboard.json");
    /**
     * Run by Chrome in every new document before the page's own scripts: records, in {@code window.hpoInteractiveAt},
     * the time two frames after the study view stops being busy, once its first render has been painted.
     */
    private static final String INTERACTIVE_WATCH = """
            new MutationObserver((changes, observer) => {
              const view = document.getElementById('view');
              if (view && view.querySelector('#trials') && !view.hasAttribute('aria-busy')) {
                observer.disconnect();
                requestAnimationFrame(() => requestAnimationFrame(() => {
                  window.hpoInteractiveAt = performance.now();
                }));
              }
            }).observe(document,
                { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("hpo-dashboard-bench-");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("hpo") + ";WRITE_DELAY=0");
    }

    @Test
    void tenThousandTrials() throws Exception {
        String base = "http://127.0.0.1:" + port;
        StudySeeder seeder = new StudySeeder(base, jdbc);
        long seedStart = System.nanoTime();
        long study = seeder.createStudy("bench-" + TRIALS, TRIALS + 100);
        seeder.seedTrials(study, TRIALS, 42);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long measurements = jdbc.queryForObject(
                "SELECT COUNT(*) FROM measurements m JOIN trials t ON t.id = m.trial_id WHERE t.study_id = ?", Long.class, study);

        Map<String, Object> data = dataRequest(base, study);
        List<Double> interactive = new ArrayList<>();
        List<Double> dataArrived = new ArrayList<>();
        List<Double> mainThreadCpu = new ArrayList<>();
        List<Double> sort = new ArrayList<>();
        List<Double> filter = new ArrayList<>();
        List<Double> page = new ArrayList<>();
        try (HeadlessChromium browser = HeadlessChromium.start(1440, 1000)) {
            ChromeDriver driver = browser.driver();
            driver.executeCdpCommand("Performance.enable", Map.of("timeDomain", "threadTicks"));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", INTERACTIVE_WATCH));
            for (int load = 0; load < LOADS; load++) {
                double cpuBefore = mainThreadSeconds(driver);
                driver.get(base + "/studies/" + study);
                new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                        "return window.hpoInteractiveAt !== undefined"));
                interactive.add(number(driver, "return window.hpoInteractiveAt"));
                dataArrived.add(number(driver, """
                        return performance.getEntriesByType('resource')
                            .find((e) => e.name.includes('/api/dashboard/studies/')).responseEnd"""));
                double cpuAfter = mainThreadSeconds(driver);
                // A navigation may start a fresh renderer whose counter starts at zero.
                mainThreadCpu.add(1000 * (cpuAfter >= cpuBefore ? cpuAfter - cpuBefore : cpuAfter));
                sort.add(clickMillis(driver, "th[data-sort='metric:accuracy']"));
                filter.add(clickMillis(driver, ".chip[data-filter='COMPLETE']"));
                page.add(clickMillis(driver, "[data-page='next']"));
            }
            List<String> problems = browser.consoleProblems();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the page logged problems: " + problems);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("benchmark", "dashboard");
        figures.put("trials", TRIALS);
        figures.put("measurements", measurements);
        figures.put("seedSeconds", round(seedSeconds));
        figures.putAll(data);
        figures.put("loads", LOADS);
        figures.put("firstLoadInteractiveMillis", round(interactive.get(0)));
        figures.put("interactiveMillisMedian", round(median(interactive)));
        figures.put("interactiveMillisMax", round(interactive.stream().mapToDouble(d -> d).max().orElseThrow()));
        figures.put("interactiveMillisAll", interactive.stream().map(DashboardBenchmark::round).toList());
        figures.put("dataArrivedMillisMedian", round(median(dataArrived)));
        figures.put("mainThreadCpuMillisMedian", round(median(mainThreadCpu)));
        figures.put("sortByAccuracyMillisMedian", round(median(sort)));
        figures.put("filterCompleteMillisMedian", round(median(filter)));
        figures.put("nextPageMillisMedian", round(median(page)));
        figures.put("targetInteractiveMillis", 2000);
        // Other processes share this machine's cores; the load says how much the figures are inflated.
        figures.put("loadAverage1m", Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures);
        Files.createDirectories(OUTPUT.getParent());
        Files.writeString(OUTPUT, json + System.lineSeparator());
        System.out.println(json);
    }

    /** The study's data document: its size and how long the server takes for it, fresh and when unchanged. */
    private static Map<String, Object> dataRequest(String base, long study) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(base + "/api/dashboard/studies/" + study);
        double[] fresh = new double[5];
        double[] unchanged = new double[5];
        long bytes = 0;
        String etag = null;
        for (int i = 0; i < fresh.length; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            fresh[i] = (System.nanoTime() - start) / 1e6;
            bytes = response.body().length;
            etag = response.headers().firstValue("ETag").orElseThrow();
        }
        for (int i = 0; i < unchanged.length; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            unchanged[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 304) {
                throw new IllegalStateException("an unchanged study answered " + response.statusCode());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataBytes", bytes);
        // The first request builds the document (trials read and ranked); later ones at the same revision reuse it.
        out.put("dataMillisFirst", round(fresh[0]));
        out.put("dataMillisMedian", round(median(Arrays.stream(fresh).boxed().toList())));
        out.put("notModifiedMillisMedian", round(median(Arrays.stream(unchanged).boxed().toList())));
        return out;
    }

    /**
     * CPU time of the page's main thread so far, from Chrome's own counters: unlike wall time it does not grow
     * while other processes hold this machine's cores.
     */
    @SuppressWarnings("unchecked")
    private static double mainThreadSeconds(ChromeDriver driver) {
        Map<String, Object> answer = driver.executeCdpCommand("Performance.getMetrics", Map.of());
        for (Map<String, Object> metric : (List<Map<String, Object>>) answer.get("metrics")) {
            if ("ThreadTime".equals(metric.get("name"))) {
                return ((Number) metric.get("value")).doubleValue();
            }
        }
        throw new IllegalStateException("Chrome reported no ThreadTime metric: " + answer);
    }

    /** Clicks an element in the page and answers how long the page's own handler took, re-render included. */
    private static double clickMillis(ChromeDriver driver, String selector) {
        return number(driver, """
                const el = document.querySelector(arguments[0]);
                const start = performance.now();
                el.click();
                return performance.now() - start;""", selector);
    }

    private static double number(ChromeDriver driver, String script, Object... args) {
        return ((Number) driver.executeScript(script, args)).doubleValue();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(d -> d).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
