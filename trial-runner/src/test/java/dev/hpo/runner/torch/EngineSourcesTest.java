package dev.hpo.runner.torch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EngineSourcesTest {

    private static final Path SOURCES = Path.of("src/main/python", EngineSources.PACKAGE);

    @Test
    void everyModuleOfThePackageIsShipped() throws Exception {
        try (Stream<Path> files = Files.list(SOURCES)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".py")))
                    .containsExactlyInAnyOrderElementsOf(EngineSources.MODULES);
        }
    }

    @Test
    void thePackageIsUnpackedOnceAsItIsInTheSourceTree() throws Exception {
        Path first = EngineSources.unpack();
        Path again = EngineSources.unpack();

        assertThat(again).isEqualTo(first);
        for (String module : EngineSources.MODULES) {
            assertThat(first.resolve(EngineSources.PACKAGE).resolve(module)).hasSameBinaryContentAs(
                    SOURCES.resolve(module));
        }
    }
}
