package dev.hpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.cli.local.LocalServices;
import org.junit.jupiter.api.Test;

class ApiUnreachableTest {

    @Test
    void anUnreachableApiIsOneClearMessageAndExitCodeThree() {
        String nobody = "http://127.0.0.1:" + LocalServices.freePort();

        Cli list = Cli.run("study", "list", "--api", nobody);

        assertThat(list.exit()).isEqualTo(3);
        assertThat(list.err()).contains("cannot reach the API at " + nobody).contains("./hpo server")
                .doesNotContain("Exception");
    }

    @Test
    void anAddressThatIsNotHttpIsRejected() {
        Cli list = Cli.run("study", "list", "--api", "ftp://example");

        assertThat(list.exit()).isEqualTo(2);
        assertThat(list.err()).contains("--api");
    }

    @Test
    void aStudyIdMustBeANumber() {
        Cli status = Cli.run("study", "status", "abc", "--api", "http://127.0.0.1:1");

        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).contains("study id").contains("abc");
    }
}
