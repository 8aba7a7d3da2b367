package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one duration grammar, as specs, CLI options and worker options all read it. */
class DurationsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        // plain seconds
        "90, PT1M30S", "1.5, PT1.5S", "0, PT0S",
        // one unit
        "500ms, PT0.5S", "250ms, PT0.25S", "120s, PT2M", "90s, PT1M30S", "10m, PT10M", "10min, PT10M",
        "1.5h, PT1H30M", "12h, PT12H", "2d, PT48H",
        // several parts
        "1h30m, PT1H30M", "1m30s, PT1M30S", "1d2h, PT26H", "2m500ms, PT2M0.5S",
        // ISO-8601
        "PT10M, PT10M", "pt90s, PT1M30S", "-PT5S, PT-5S",
        // case and surrounding blanks
        "' 10M ', PT10M", "' 90 ', PT1M30S"})
    void readsEveryForm(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "m", "ten", "10 minutes", "10 m", "-5s", "-5", "1e3s", "1e3", "PT", "10m 5s", "P1Y",
        "5x", "1.h", ".5h", "1,5h"})
    void rejectsAnythingElseSayingWhichFormsThereAre(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("must be a duration such as")
                .hasMessageContaining("got \"" + text.trim() + "\"");
    }

    @Test
    void rejectsWhatIsNotAWholeNumberOfNanosecondsOrTooLong() {
        assertThatThrownBy(() -> Durations.parse("0.0000000001s")).hasMessageContaining("nanoseconds");
        assertThatThrownBy(() -> Durations.parse("999999999999d")).hasMessageContaining("too long");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"PT1M30S, 90s", "PT10M, 10m", "PT12H, 12h", "PT0S, 0s", "PT0.25S, 250ms", "PT48H, 48h",
        "PT1H30M, 90m"})
    void writesTheLargestExactUnitAndReadsItBack(String iso, String text) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @Test
    void aPositiveDurationNamesTheFieldInEveryMessage() {
        assertThat(Durations.positive("--idle-poll", "2s")).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> Durations.positive("--idle-poll", "0s"))
                .hasMessage("--idle-poll must be positive, got \"0s\"");
        assertThatThrownBy(() -> Durations.positive("--idle-poll", "-PT1S"))
                .hasMessage("--idle-poll must be positive, got \"-PT1S\"");
        assertThatThrownBy(() -> Durations.positive("--idle-poll", "soon"))
                .hasMessageStartingWith("--idle-poll must be a duration such as");
    }

    @Test
    void secondsKeepTheirFraction() {
        assertThat(Durations.seconds(Duration.ofMillis(1500))).isEqualTo(1.5);
        assertThat(Durations.ofSeconds(1.5)).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.ofSeconds(Durations.seconds(Duration.ofNanos(123_456_789)))).isEqualTo(
                Duration.ofNanos(123_456_789));
        assertThatThrownBy(() -> Durations.ofSeconds(Double.NaN)).hasMessageContaining("finite");
    }
}
