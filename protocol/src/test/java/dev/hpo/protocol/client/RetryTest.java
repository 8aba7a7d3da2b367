package dev.hpo.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryTest {

    @Test
    void backsOffTwiceAsLongEachTimeUpToTheLongestWait() {
        Retry retry = Retry.whilst(() -> true);

        Duration wait = retry.first();
        StringBuilder waits = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            waits.append(wait.toMillis()).append(' ');
            wait = retry.after(wait);
        }

        assertThat(waits.toString().trim()).isEqualTo("500 1000 2000 4000 8000 16000 30000 30000 30000");
    }

    @Test
    void neverMakesOneAttempt() {
        assertThat(Retry.never().keepTrying().getAsBoolean()).isFalse();
    }

    @Test
    void rejectsAFirstWaitThatIsNotPositiveOrLongerThanTheLongest() {
        assertThatThrownBy(() -> new Retry(Duration.ZERO, Duration.ofSeconds(1), () -> true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retry(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
