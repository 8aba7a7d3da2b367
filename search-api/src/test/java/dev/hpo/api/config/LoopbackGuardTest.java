package dev.hpo.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class LoopbackGuardTest {

    private static final ApiProperties NO_TOKEN = new ApiProperties(List.of(), DataSize.ofMegabytes(1), DataSize.ofMegabytes(64), DataSize.ofGigabytes(1),
            Path.of("artifacts"));
    private static final ApiProperties TOKEN = new ApiProperties(List.of("secret"), DataSize.ofMegabytes(1), DataSize.ofMegabytes(64), DataSize.ofGigabytes(1),
            Path.of("artifacts"));

    @Test
    void refusesToListenOnTheNetworkWithoutAToken() {
        assertThatThrownBy(() -> new LoopbackGuard(NO_TOKEN, "0.0.0.0").afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--token");
        assertThatThrownBy(() -> new LoopbackGuard(NO_TOKEN, "").afterPropertiesSet())
                .hasMessageContaining("every address");
    }

    @Test
    void allowsLoopbackWithoutATokenAndAnyAddressWithOne() {
        assertThatCode(() -> new LoopbackGuard(NO_TOKEN, "127.0.0.1").afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> new LoopbackGuard(NO_TOKEN, "::1").afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> new LoopbackGuard(TOKEN, "0.0.0.0").afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void blankTokensDoNotCount() {
        assertThat(new ApiProperties(List.of(" ", ""), DataSize.ofMegabytes(1), DataSize.ofMegabytes(64), DataSize.ofGigabytes(1),
            Path.of("artifacts")).tokensConfigured()).isFalse();
    }
}
