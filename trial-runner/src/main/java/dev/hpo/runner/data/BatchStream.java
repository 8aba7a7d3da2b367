package dev.hpo.runner.data;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Endless shuffled, augmented mini-batches of a set of images, epoch after epoch. A background thread keeps one
 * batch ready and builds the next, so shuffling and augmentation run while the network trains instead of on the
 * training's critical path, and at most two batches wait in memory.
 *
 * <p>Each epoch is a fresh permutation of the images cut into {@code size / batchSize} full batches; the
 * incomplete rest is dropped (it is a different subset every epoch), so every batch has exactly
 * {@code batchSize} images. The same images, batch size, augmentation and seed always yield the same batches.
 *
 * <p>One consumer thread calls {@link #next()}; {@link #close()} stops the background thread.
 */
public final class BatchStream implements AutoCloseable {

    /** Batches held ready; the producer builds one more while they wait. */
    private static final int READY = 1;

    /**
     * One mini-batch.
     *
     * @param pixels {@code size} channels-first images, a fresh array the consumer may keep or change
     * @param labels class of each image
     * @param size number of images, always the stream's batch size
     * @param epoch which pass over the images this batch belongs to, counting from 0
     * @param lastOfEpoch whether this is the epoch's last batch
     */
    public record Batch(float[] pixels, int[] labels, int size, int epoch, boolean lastOfEpoch) {
    }

    private final LabeledImages images;
    private final int batchSize;
    private final ImageAugmenter augmenter;
    private final SplittableRandom random;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(READY);
    private final Thread producer;
    private volatile boolean closed;

    /**
     * Starts preparing batches.
     *
     * @throws IllegalArgumentException when {@code batchSize} is not between 1 and the number of images, or the
     *     augmentation's crop padding does not fit the images
     */
    public BatchStream(LabeledImages images, int batchSize, Augmentation augmentation, long seed) {
        this.images = Objects.requireNonNull(images, "images");
        Objects.requireNonNull(augmentation, "augmentation");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (batchSize > images.size()) {
            throw new IllegalArgumentException("batchSize " + batchSize + " is larger than the " + images.size()
                    + " training images: not even one full batch per epoch");
        }
        this.batchSize = batchSize;
        this.augmenter = new ImageAugmenter(augmentation, images.shape());
        this.random = new SplittableRandom(seed);
        this.producer = new Thread(this::produce, "batch-stream");
        producer.setDaemon(true);
        producer.start();
    }

    /**
     * The next batch, waiting for it when the background thread is behind.
     *
     * @throws IllegalStateException when the stream is closed, the calling thread is interrupted, or preparing a
     *     batch failed (the cause attached)
     */
    public Batch next() {
        if (closed) {
            throw new IllegalStateException("batch stream is closed");
        }
        Object item;
        try {
            item = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next batch", e);
        }
        if (item instanceof Failure failure) {
            // Put it back so every later call reports the same failure instead of blocking forever.
            ready.offer(item);
            throw new IllegalStateException("preparing a batch failed: " + failure.cause(), failure.cause());
        }
        return (Batch) item;
    }

    /** Full batches per epoch: the number of images divided by the batch size, rounded down. */
    public int batchesPerEpoch() {
        return images.size() / batchSize;
    }

    /** Stops the background thread; waits briefly for it to end. */
    @Override
    public void close() {
        closed = true;
        producer.interrupt();
        try {
            producer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void produce() {
        try {
            int[] order = new int[images.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            int batches = batchesPerEpoch();
            for (int epoch = 0; !closed; epoch++) {
                shuffle(order);
                for (int b = 0; b < batches && !closed; b++) {
                    ready.put(batch(order, b * batchSize, epoch, b == batches - 1));
                }
            }
        } catch (InterruptedException e) {
            // close() interrupts the thread: ending here is the normal way out.
        } catch (RuntimeException | Error e) {
            ready.clear();
            ready.offer(new Failure(e));
        }
    }

    private Batch batch(int[] order, int from, int epoch, boolean lastOfEpoch) {
        int volume = images.imageVolume();
        float[] pixels = new float[batchSize * volume];
        int[] labels = new int[batchSize];
        for (int k = 0; k < batchSize; k++) {
            int index = order[from + k];
            augmenter.apply(images.pixels(), index * volume, pixels, k * volume, random);
            labels[k] = images.labels()[index];
        }
        return new Batch(pixels, labels, batchSize, epoch, lastOfEpoch);
    }

    private void shuffle(int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private record Failure(Throwable cause) {
    }
}
