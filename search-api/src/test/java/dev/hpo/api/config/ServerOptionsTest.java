package dev.hpo.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerOptionsTest {

    @Test
    void mapsOptionsToProperties() {
        ServerOptions options = ServerOptions.parse("--port", "9090", "--bind=0.0.0.0", "--db-url",
                "jdbc:postgresql://db/hpo", "--db-user", "u", "--db-password", "p", "--token", "t");

        assertThat(options.properties())
                .containsEntry("server.port", 9090)
                .containsEntry("server.address", "0.0.0.0")
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db/hpo")
                .containsEntry("spring.datasource.username", "u")
                .containsEntry("spring.datasource.password", "p")
                .containsEntry("hpo.api.token", "t");
    }

    @Test
    void rejectsUnknownOptionsAndBadPorts() {
        assertThatThrownBy(() -> ServerOptions.parse("--prot", "1")).hasMessageContaining("unknown option --prot");
        assertThatThrownBy(() -> ServerOptions.parse("--port", "x")).hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> ServerOptions.parse("--port", "70000")).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> ServerOptions.parse("--port")).hasMessageContaining("--port needs a value");
    }

    @Test
    void aNetworkAddressNeedsATokenFromTheOptionsOrTheEnvironment() {
        assertThat(ServerOptions.parse("--bind", "0.0.0.0").safeToBind(null)).isFalse();
        assertThat(ServerOptions.parse("--bind", "0.0.0.0").safeToBind("from-env")).isTrue();
        assertThat(ServerOptions.parse("--bind", "0.0.0.0", "--token", "t").safeToBind(null)).isTrue();
        assertThat(ServerOptions.parse("--bind", "127.0.0.1").safeToBind(null)).isTrue();
        assertThat(ServerOptions.parse().safeToBind(null)).isTrue();
    }
}
