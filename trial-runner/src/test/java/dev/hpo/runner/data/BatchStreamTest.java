package dev.hpo.runner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.arch.InputShape;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchStreamTest {

    private static final InputShape SHAPE = InputShape.of(1, 4, 4);

    /** Ten images; image i is filled with the value i and labelled i, so a batch shows which images it holds. */
    private static LabeledImages images(int count) {
        float[] pixels = new float[count * 16];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            Arrays.fill(pixels, i * 16, (i + 1) * 16, i);
            labels[i] = i;
        }
        return new LabeledImages(pixels, labels, SHAPE);
    }

    @Test
    void epochsAreShuffledFullBatchesWithoutRepeats() {
        try (BatchStream stream = new BatchStream(images(10), 3, Augmentation.NONE, 1)) {
            assertThat(stream.batchesPerEpoch()).isEqualTo(3);
            for (int epoch = 0; epoch < 4; epoch++) {
                Set<Integer> seen = new HashSet<>();
                for (int b = 0; b < 3; b++) {
                    BatchStream.Batch batch = stream.next();
                    assertThat(batch.epoch()).isEqualTo(epoch);
                    assertThat(batch.lastOfEpoch()).isEqualTo(b == 2);
                    assertThat(batch.size()).isEqualTo(3);
                    assertThat(batch.labels()).hasSize(3);
                    assertThat(batch.pixels()).hasSize(3 * 16);
                    for (int k = 0; k < 3; k++) {
                        int label = batch.labels()[k];
                        assertThat(seen.add(label)).as("image %d twice in epoch %d", label, epoch).isTrue();
                        // Without augmentation each image arrives exactly as given, with its own label.
                        float[] image = Arrays.copyOfRange(batch.pixels(), k * 16, (k + 1) * 16);
                        float[] expected = new float[16];
                        Arrays.fill(expected, label);
                        assertThat(image).isEqualTo(expected);
                    }
                }
                assertThat(seen).hasSize(9);
            }
        }
    }

    @Test
    void sameSeedSameBatchesAndOtherSeedsOtherOrders() {
        Augmentation all = new Augmentation(1, true, 2);
        int[][] first = labels(all, 42);
        int[][] again = labels(all, 42);
        int[][] other = labels(all, 43);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        try (BatchStream a = new BatchStream(images(10), 5, all, 7);
             BatchStream b = new BatchStream(images(10), 5, all, 7)) {
            for (int i = 0; i < 6; i++) {
                assertThat(b.next().pixels()).isEqualTo(a.next().pixels());
            }
        }
    }

    private static int[][] labels(Augmentation augmentation, long seed) {
        try (BatchStream stream = new BatchStream(images(10), 5, augmentation, seed)) {
            int[][] labels = new int[8][];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = stream.next().labels();
            }
            return labels;
        }
    }

    @Test
    void augmentedBatchesKeepTheShape() {
        try (BatchStream stream = new BatchStream(images(10), 4, new Augmentation(2, true, 2), 3)) {
            BatchStream.Batch batch = stream.next();
            assertThat(batch.pixels()).hasSize(4 * 16);
            assertThat(batch.labels()).hasSize(4);
        }
    }

    @Test
    void closeStopsTheBackgroundThread() throws InterruptedException {
        BatchStream stream = new BatchStream(images(10), 2, Augmentation.NONE, 1);
        stream.next();
        stream.close();

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                t -> t.getName().equals("batch-stream") && t.isAlive());
        assertThatThrownBy(stream::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void rejectsBatchesLargerThanTheSet() {
        assertThatThrownBy(() -> new BatchStream(images(10), 11, Augmentation.NONE, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize 11 is larger than the 10 training images");
        assertThatThrownBy(() -> new BatchStream(images(10), 0, Augmentation.NONE, 1))
                .hasMessageContaining("batchSize must be at least 1");
    }
}
