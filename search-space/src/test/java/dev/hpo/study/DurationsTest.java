package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "90s, PT1M30S", "10m, PT10M", "12h, PT12H", "2d, PT48H", "1.5h, PT1H30M", "1h30m, PT1H30M",
        "250ms, PT0.25S", "PT10M, PT10M", "pt90s, PT1M30S", "' 10M ', PT10M"})
    void readsShortAndIsoForms(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @CsvSource({"PT1M30S, 90s", "PT10M, 10m", "PT12H, 12h", "PT0S, 0s", "PT0.25S, 250ms", "PT48H, 48h"})
    void writesTheLargestExactUnit(String iso, String text) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "m", "10 minutes", "-5s", "1e3s", "PT", "10m 5s", "P1Y"})
    void rejectsAnythingElse(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("must be a duration such as");
    }
}
