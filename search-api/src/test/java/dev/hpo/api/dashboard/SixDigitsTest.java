package dev.hpo.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SixDigitsTest {

    @ParameterizedTest
    @CsvSource({
        "0.8534219876543, 0.853422",
        "0.00123456789, 0.00123457",
        "1.23456789e-5, 1.23457e-5",
        "123.456789, 123.457",
        "23860224, 23860224",
        "0, 0",
        "-0.5, -0.5",
        "1e-15, 1e-15",
    })
    void keepsSixSignificantDigitsAndWholeNumbers(double value, double expected) {
        assertThat(TrialColumnsBuilder.sixDigits(value)).isEqualTo(expected);
    }
}
