package dev.hpo.runner.data;

import java.util.Random;

/** Shuffled batches without augmentation, synchronously. */
public final class BatchStream implements AutoCloseable {
    private final LabeledImages images;
    private final int batchSize;
    private final Random random;
    private int[] order;
    private int position;
    private int epoch;

    public BatchStream(LabeledImages images, int batchSize, Augmentation augmentation, long seed) {
        this.images = images;
        this.batchSize = Math.min(batchSize, images.size());
        this.random = new Random(seed);
        shuffle();
    }

    private void shuffle() {
        order = new int[images.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        position = 0;
    }

    public Batch next() {
        if (position + batchSize > order.length) {
            epoch++;
            shuffle();
        }
        int per = images.shape().channels() * images.shape().height() * images.shape().width();
        float[] pixels = new float[batchSize * per];
        int[] labels = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            int k = order[position + i];
            System.arraycopy(images.pixels(), k * per, pixels, i * per, per);
            labels[i] = images.labels()[k];
        }
        position += batchSize;
        return new Batch(pixels, labels, batchSize, epoch, position + batchSize > order.length);
    }

    @Override
    public void close() {
    }
}
