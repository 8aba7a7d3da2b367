package dev.hpo.api.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a browser test sees it: open an address, wait until the study page is usable, and read what its
 * charts hold from the live ECharts instances.
 */
final class DashboardPage {

    private final ChromeDriver driver;
    private final String base;

    DashboardPage(ChromeDriver driver, int port) {
        this.driver = driver;
        this.base = "http://127.0.0.1:" + port;
    }

    String base() {
        return base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Waits until the study page's first render is done (it stops being busy) and the frames after it painted. */
    void waitForInteractive() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> (Boolean) driver.executeScript(
                "const view = document.getElementById('view');"
                        + " return view.querySelector('#trials') !== null && !view.hasAttribute('aria-busy');"));
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done()));");
    }

    /**
     * Reads until the value passes the test, for up to 20 seconds. A read that catches an element the page has just
     * redrawn (a live update replaces the table) is tried again.
     */
    <T> T waitFor(Supplier<T> read, Predicate<T> done) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        return wait.ignoring(StaleElementReferenceException.class).until(d -> {
            T value = read.get();
            return done.test(value) ? value : null;
        });
    }

    /**
     * The rendered text of the first element the selector finds, read in one step inside the page: the header is
     * redrawn on every poll, and an element found first and read after could be gone by then.
     */
    String text(String selector) {
        return (String) driver.executeScript(
                "const el = document.querySelector(arguments[0]); return el ? el.innerText : '';", selector);
    }

    /** Data points per series of each chart. */
    @SuppressWarnings("unchecked")
    Map<String, List<Long>> seriesSizes() {
        return (Map<String, List<Long>>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/webjars/echarts/echarts.esm.min.js').then((echarts) => {
                  const out = {};
                  for (const el of document.querySelectorAll('[data-chart]')) {
                    const chart = echarts.getInstanceByDom(el);
                    out[el.dataset.chart] = chart ? chart.getOption().series.map((s) => (s.data || []).length) : [];
                  }
                  done(out);
                }, (e) => done({ error: [String(e)] }));""");
    }

    /**
     * The data points of one series of a chart, each as the list of its values ({@code [x, y, ...]}).
     *
     * @param chart the chart's {@code data-chart} name
     * @param series the series' index in the chart's option
     */
    @SuppressWarnings("unchecked")
    List<List<Number>> seriesData(String chart, int series) {
        return (List<List<Number>>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/webjars/echarts/echarts.esm.min.js').then((echarts) => done(
                  echarts.getInstanceByDom(document.querySelector(`[data-chart="${arguments[0]}"]`))
                    .getOption().series[arguments[1]].data.map((p) => Array.from(p))));""", chart, series);
    }

    /** The name of a chart's first x axis. */
    String xAxisName(String chart) {
        return (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/webjars/echarts/echarts.esm.min.js').then((echarts) => done(
                  echarts.getInstanceByDom(document.querySelector(`[data-chart="${arguments[0]}"]`))
                    .getOption().xAxis[0].name));""", chart);
    }

    /** Canvas pixels of a chart that are not background: the chart was really drawn. */
    long paintedPixels(String chart) {
        return ((Number) driver.executeScript("""
                const canvas = document.querySelector(`[data-chart="${arguments[0]}"] canvas`);
                if (!canvas) return 0;
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
                return painted;""", chart)).longValue();
    }
}
