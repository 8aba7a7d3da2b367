package dev.hpo.runner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.arch.InputShape;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10LoadingTest {

    private static final InputShape NATIVE = InputShape.of(3, 32, 32);

    @TempDir
    Path temp;

    private static DataSpec spec(Path directory, int trainPerClass, int valPerClass, long seed) {
        return new DataSpec(Dataset.CIFAR10, Optional.of(directory.toString()), trainPerClass, valPerClass, seed);
    }

    @Test
    void loadsStratifiedSubsetsOfTrainingAndTestBatches() {
        Path directory = DataFixtures.cifar10(temp, 4, 6, true);

        TrialData data = TrialDataLoader.load(spec(directory, 15, 5, 1), NATIVE);

        assertThat(TrialDataLoader.nativeShape(spec(directory, 1, 1, 0))).isEqualTo(NATIVE);
        assertThat(data.train().size()).isEqualTo(150);
        assertThat(data.validation().size()).isEqualTo(50);
        assertThat(FashionMnistLoadingTest.countsPerClass(data.train(), 10)).containsOnly(15);
        assertThat(FashionMnistLoadingTest.countsPerClass(data.validation(), 10)).containsOnly(5);
        assertThat(data.classNames()).startsWith("plane", "automobile").hasSize(10);
        assertThat(data.train().shape()).isEqualTo(NATIVE);
    }

    @Test
    void picksRecordsFromEveryBatchFileWithPixelsInRecordOrder() {
        Path directory = DataFixtures.cifar10(temp, 4, 6, false);

        SourceSubsets subsets = Cifar10.load(spec(directory, 20, 6, 3));

        // 20 per class is all the training images: every record of every batch, in file order.
        NativeImages train = subsets.train();
        assertThat(train.size()).isEqualTo(200);
        for (int record = 0; record < 200; record++) {
            int batch = record / 40 + 1;
            int image = batch * 10_000 + record % 40;
            byte[] pixels = Arrays.copyOfRange(train.pixels(), record * 3072, (record + 1) * 3072);
            assertThat(pixels[0]).isEqualTo(DataFixtures.pixel(image, 0));
            assertThat(pixels[1024]).isEqualTo(DataFixtures.pixel(image, 1024));
            assertThat(pixels[3071]).isEqualTo(DataFixtures.pixel(image, 3071));
            assertThat(train.labels()[record]).isEqualTo(record % 40 % 10);
        }
        assertThat(subsets.classNames()).isEqualTo(Cifar10.STANDARD_NAMES);
    }

    @Test
    void findsTheBatchesFolderInsideTheGivenDirectory() {
        DataFixtures.cifar10(temp.resolve(Cifar10.BATCHES_FOLDER), 2, 2, true);

        assertThat(TrialDataLoader.load(spec(temp, 2, 2, 0), NATIVE).train().size()).isEqualTo(20);
    }

    @Test
    void distinctSeedsDrawDistinctSubsets() {
        Path directory = DataFixtures.cifar10(temp, 4, 6, true);

        TrialData first = TrialDataLoader.load(spec(directory, 5, 3, 1), NATIVE);
        TrialData again = TrialDataLoader.load(spec(directory, 5, 3, 1), NATIVE);
        TrialData other = TrialDataLoader.load(spec(directory, 5, 3, 2), NATIVE);

        assertThat(again.train().pixels()).isEqualTo(first.train().pixels());
        assertThat(other.train().pixels()).isNotEqualTo(first.train().pixels());
        assertThat(other.validation().pixels()).isNotEqualTo(first.validation().pixels());
    }

    @Test
    void corruptBatchesAreNamedWithWhatIsWrong() throws IOException {
        Path directory = DataFixtures.cifar10(temp, 2, 2, true);
        DataSpec spec = spec(directory, 1, 1, 0);

        Path third = directory.resolve("data_batch_3.bin");
        byte[] records = Files.readAllBytes(third);
        Files.write(third, Arrays.copyOf(records, records.length - 100));
        assertError(spec, "wrong record size", "data_batch_3.bin");

        records[3 * Cifar10.RECORD_BYTES] = 11;
        Files.write(third, records);
        assertError(spec, "label out of range", "data_batch_3.bin: record 3 has label 11");

        Files.delete(third);
        assertError(spec, "missing data file", "data_batch_3.bin");

        DataFixtures.cifar10(directory, 2, 2, true);
        Files.writeString(directory.resolve("batches.meta.txt"), "cat\ndog\n");
        assertError(spec, "corrupt class names file", "2 names");

        Files.delete(directory.resolve("batches.meta.txt"));
        assertError(spec(directory, 11, 1, 0), "too few images of class 0 (airplane)",
                "data_batch_{1..5}.bin: 10 found, 11 needed");
    }

    private static void assertError(DataSpec spec, String problem, String detail) {
        assertThatThrownBy(() -> TrialDataLoader.load(spec, NATIVE)).isInstanceOf(DataException.class)
                .hasMessageContaining(problem).hasMessageContaining(detail);
    }
}
