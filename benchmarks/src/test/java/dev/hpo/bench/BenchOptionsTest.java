package dev.hpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Map<String, Long> DEFAULTS = Map.of("trials", 10_000L, "warmup", 60_000L);

    @Test
    void givenOptionsReplaceTheDefaultsAndZeroTurnsOffAnOptionAllowedIt() {
        BenchOptions options = new BenchOptions(List.of("--warmup", "0"), DEFAULTS, Set.of("warmup"));

        assertThat(options.get("warmup")).isZero();
        assertThat(options.get("trials")).isEqualTo(10_000);
    }

    @Test
    void zeroIsRefusedForTheOtherOptions() {
        assertThatThrownBy(() -> new BenchOptions(List.of("--trials", "0"), DEFAULTS, Set.of("warmup")))
                .hasMessage("--trials must be at least 1, got 0");
        assertThatThrownBy(() -> new BenchOptions(List.of("--warmup", "-1"), DEFAULTS, Set.of("warmup")))
                .hasMessage("--warmup must be at least 0, got -1");
    }

    @Test
    void anUnknownOptionOrAMissingValueIsNamed() {
        assertThatThrownBy(() -> new BenchOptions(List.of("--trails", "5"), DEFAULTS, Set.of()))
                .hasMessageStartingWith("unknown option --trails; known: ");
        assertThatThrownBy(() -> new BenchOptions(List.of("--trials"), DEFAULTS, Set.of()))
                .hasMessage("--trials needs a value");
        assertThatThrownBy(() -> new BenchOptions(List.of("--trials", "many"), DEFAULTS, Set.of()))
                .hasMessage("--trials must be a whole number, got 'many'");
    }
}
