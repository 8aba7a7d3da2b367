package dev.hpo.runner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.arch.InputShape;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistLoadingTest {

    private static final InputShape NATIVE = InputShape.of(1, 28, 28);

    @TempDir
    Path temp;

    private static DataSpec installed(int trainPerClass, int valPerClass, long seed) {
        return new DataSpec(Dataset.FASHION_MNIST, Optional.empty(), trainPerClass, valPerClass, seed);
    }

    private DataSpec synthetic(Path directory, int trainPerClass, int valPerClass, long seed) {
        return new DataSpec(Dataset.FASHION_MNIST, Optional.of(directory.toString()), trainPerClass, valPerClass, seed);
    }

    @Test
    void nativeShapeIsGrey28By28() {
        assertThat(TrialDataLoader.nativeShape(installed(500, 100, 0))).isEqualTo(NATIVE);
    }

    @Test
    void loadsTheHaetSubsetOfTheInstalledFiles() {
        TrialData data = TrialDataLoader.load(installed(500, 100, 7), NATIVE);

        assertThat(data.classes()).isEqualTo(10);
        assertThat(data.classNames()).hasSize(10).startsWith("T-shirt/top").endsWith("Ankle boot");
        assertThat(data.train().size()).isEqualTo(5000);
        assertThat(data.validation().size()).isEqualTo(1000);
        assertThat(countsPerClass(data.train(), 10)).containsOnly(500);
        assertThat(countsPerClass(data.validation(), 10)).containsOnly(100);
        assertThat(data.train().pixels()).hasSize(5000 * 28 * 28);
        double[] moments = moments(data.train().pixels());
        assertThat(moments[0]).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(moments[1]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-3));
        // The validation split is normalised with the training statistics, not its own.
        double[] validation = moments(data.validation().pixels());
        assertThat(validation[0]).isNotCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(validation[0]).isCloseTo(0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void sameSeedGivesTheSameSubsetAndOtherSeedsOthers() {
        TrialData first = TrialDataLoader.load(installed(50, 20, 1), NATIVE);
        TrialData again = TrialDataLoader.load(installed(50, 20, 1), NATIVE);
        TrialData other = TrialDataLoader.load(installed(50, 20, 2), NATIVE);

        assertThat(again.train().pixels()).isEqualTo(first.train().pixels());
        assertThat(again.train().labels()).isEqualTo(first.train().labels());
        assertThat(again.validation().pixels()).isEqualTo(first.validation().pixels());
        assertThat(other.train().pixels()).isNotEqualTo(first.train().pixels());
        assertThat(other.validation().pixels()).isNotEqualTo(first.validation().pixels());
    }

    @Test
    void resizesForTheResolutionMultiplierAndRepeatsGreyIntoColour() {
        TrialData half = TrialDataLoader.load(installed(5, 2, 3), InputShape.of(1, 14, 14));
        TrialData colour = TrialDataLoader.load(installed(5, 2, 3), InputShape.of(3, 32, 32));

        assertThat(half.train().shape()).isEqualTo(InputShape.of(1, 14, 14));
        assertThat(half.train().pixels()).hasSize(50 * 14 * 14);
        assertThat(colour.validation().shape()).isEqualTo(InputShape.of(3, 32, 32));
        float[] pixels = colour.train().pixels();
        int plane = 32 * 32;
        assertThat(Arrays.copyOfRange(pixels, 0, plane)).isEqualTo(Arrays.copyOfRange(pixels, plane, 2 * plane));
    }

    @Test
    void readsPlainAndCompressedFiles() {
        Path plain = DataFixtures.fashionMnist(temp.resolve("plain"), 12, 6, false);
        Path compressed = DataFixtures.fashionMnist(temp.resolve("gz"), 12, 6, true);

        TrialData fromPlain = TrialDataLoader.load(synthetic(plain, 10, 5, 4), NATIVE);
        TrialData fromCompressed = TrialDataLoader.load(synthetic(compressed, 10, 5, 4), NATIVE);

        assertThat(fromPlain.train().size()).isEqualTo(100);
        assertThat(fromPlain.validation().size()).isEqualTo(50);
        assertThat(fromCompressed.train().pixels()).isEqualTo(fromPlain.train().pixels());
    }

    @Test
    void missingDirectoryAndFileAreNamed() {
        Path nowhere = temp.resolve("nowhere");
        assertThatThrownBy(() -> TrialDataLoader.load(synthetic(nowhere, 1, 1, 0), NATIVE))
                .isInstanceOf(DataException.class).hasMessageContaining(nowhere.toString())
                .hasMessageContaining("does not exist");

        Path directory = DataFixtures.fashionMnist(temp.resolve("partial"), 3, 3, true);
        delete(directory.resolve("t10k-labels-idx1-ubyte.gz"));
        assertThatThrownBy(() -> TrialDataLoader.load(synthetic(directory, 1, 1, 0), NATIVE))
                .isInstanceOf(DataException.class).hasMessageContaining("missing data file")
                .hasMessageContaining("t10k-labels-idx1-ubyte");
    }

    @Test
    void corruptFilesAreNamedWithWhatIsWrong() {
        Path directory = DataFixtures.fashionMnist(temp.resolve("corrupt"), 3, 3, false);
        DataSpec spec = synthetic(directory, 1, 1, 0);

        byte[] images = DataFixtures.idxImages(30, 28, 28, 0);
        images[3] = 0x02;
        DataFixtures.write(directory, "train-images-idx3-ubyte", images, false);
        assertError(spec, "bad magic number", "train-images-idx3-ubyte");

        DataFixtures.write(directory, "train-images-idx3-ubyte",
                Arrays.copyOf(DataFixtures.idxImages(30, 28, 28, 0), 5000), true);
        assertError(spec, "truncated", "train-images-idx3-ubyte.gz");

        byte[] longer = Arrays.copyOf(DataFixtures.idxImages(30, 28, 28, 0), 16 + 30 * 784 + 3);
        DataFixtures.write(directory, "train-images-idx3-ubyte", longer, false);
        assertError(spec, "corrupt IDX file", "holds 23539 bytes");

        DataFixtures.write(directory, "train-images-idx3-ubyte", DataFixtures.idxImages(30, 28, 27, 0), false);
        assertError(spec, "wrong image size", "28x27");

        DataFixtures.write(directory, "train-images-idx3-ubyte", DataFixtures.idxImages(29, 28, 28, 0), false);
        assertError(spec, "label count mismatch", "30 labels");

        DataFixtures.write(directory, "train-images-idx3-ubyte", DataFixtures.idxImages(30, 28, 28, 0), false);
        int[] labels = DataFixtures.cyclicLabels(10, 3);
        labels[17] = 10;
        DataFixtures.write(directory, "train-labels-idx1-ubyte", DataFixtures.idxLabels(labels), false);
        assertError(spec, "label out of range", "entry 17 is 10");

        DataFixtures.write(directory, "train-labels-idx1-ubyte",
                DataFixtures.idxLabels(DataFixtures.cyclicLabels(10, 3)), false);
        byte[] gzip = DataFixtures.gzip(DataFixtures.idxImages(30, 28, 28, 0));
        DataFixtures.write(directory, "train-images-idx3-ubyte.gz", Arrays.copyOf(gzip, gzip.length / 2), false);
        delete(directory.resolve("train-images-idx3-ubyte"));
        assertError(spec, "unreadable data file", "train-images-idx3-ubyte.gz");
    }

    @Test
    void tooFewImagesOfAClassNamesTheClassAndTheCounts() {
        Path directory = DataFixtures.fashionMnist(temp.resolve("small"), 4, 2, true);

        assertError(synthetic(directory, 5, 1, 0), "too few images of class 0 (T-shirt/top)", "4 found, 5 needed");
        assertError(synthetic(directory, 4, 3, 0), "too few images of class 0", "t10k-images-idx3-ubyte.gz");
    }

    private static void assertError(DataSpec spec, String problem, String detail) {
        assertThatThrownBy(() -> TrialDataLoader.load(spec, NATIVE)).isInstanceOf(DataException.class)
                .hasMessageContaining(problem).hasMessageContaining(detail);
    }

    private static void delete(Path file) {
        try {
            java.nio.file.Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int[] countsPerClass(LabeledImages images, int classes) {
        int[] counts = new int[classes];
        for (int label : images.labels()) {
            counts[label]++;
        }
        return counts;
    }

    static double[] moments(float[] values) {
        double sum = 0;
        double squares = 0;
        for (float v : values) {
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / values.length;
        return new double[] {mean, Math.sqrt(squares / values.length - mean * mean)};
    }

    @Test
    void aConfirmationIsValidatedOnTestImagesNoSearchRepeatWasValidatedOn() {
        Path directory = numberedFashionMnist(30, 20);
        DataSpec first = synthetic(directory, 10, 5, 11);
        DataSpec second = synthetic(directory, 10, 5, 12);
        DataSpec confirmation = synthetic(directory, 10, 5, 13).heldOutFrom(13, List.of(11L, 12L));

        Set<Integer> searched = new HashSet<>(images(FashionMnist.load(first).validation()));
        searched.addAll(images(FashionMnist.load(second).validation()));
        SourceSubsets confirmed = FashionMnist.load(confirmation);

        assertThat(searched).hasSizeGreaterThanOrEqualTo(50);
        assertThat(images(confirmed.validation())).hasSize(50).doesNotContainAnyElementsOf(searched);
        assertThat(images(confirmed.train())).doesNotContainAnyElementsOf(images(FashionMnist.load(first).train()));
    }

    /** A Fashion-MNIST folder whose every image carries its own file and number in its first three pixels. */
    private Path numberedFashionMnist(int trainPerClass, int testPerClass) {
        numbered("train", DataFixtures.cyclicLabels(10, trainPerClass), 0);
        numbered("t10k", DataFixtures.cyclicLabels(10, testPerClass), 1);
        return temp;
    }

    private void numbered(String prefix, int[] labels, int file) {
        ByteBuffer images = ByteBuffer.allocate(16 + labels.length * 28 * 28);
        images.putInt(0x00000803).putInt(labels.length).putInt(28).putInt(28);
        for (int i = 0; i < labels.length; i++) {
            byte[] image = new byte[28 * 28];
            image[0] = (byte) file;
            image[1] = (byte) (i >> 8);
            image[2] = (byte) i;
            images.put(image);
        }
        DataFixtures.write(temp, prefix + "-images-idx3-ubyte", images.array(), false);
        DataFixtures.write(temp, prefix + "-labels-idx1-ubyte", DataFixtures.idxLabels(labels), false);
    }

    /** Each image's file and number, from its first three pixels. */
    private static List<Integer> images(NativeImages images) {
        int volume = 28 * 28;
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < images.labels().length; i++) {
            byte[] p = images.pixels();
            all.add((p[i * volume] << 16) | ((p[i * volume + 1] & 0xff) << 8) | (p[i * volume + 2] & 0xff));
        }
        return all;
    }
}
