package dev.hpo.runner.data;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Draws stratified subsets: a fixed number of images of every class, uniformly at random for a seed. Drawing
 * several parts from one pool (e.g. training and validation images of one folder) takes them from a single
 * shuffle per class, so the parts never share an image. SplittableRandom's algorithm is specified, so a seed
 * selects the same images on every JVM, which is also what lets a confirmation run replay the search's draws and
 * leave their images out.
 */
final class StratifiedSubset {

    /** Which images of a pool one part takes, given every image's label and the pool's name for messages. */
    interface Choice {
        int[] of(int[] labels, String pool);
    }

    /** A part of {@code perClass} images per class drawn with {@code random} from what {@code leftOut} leaves. */
    static Choice drawn(List<String> classNames, int perClass, String partName, SplittableRandom random,
                        List<SplittableRandom> leftOut) {
        return (labels, pool) -> draw(labels, classNames, new int[] {perClass}, new String[] {partName}, random,
                leftOut, pool)[0];
    }

    /** Every image that the draws of {@code leftOut}, of {@code perClass} images per class each, do not take. */
    static Choice leftOver(List<String> classNames, int perClass, String partName, List<SplittableRandom> leftOut) {
        return (labels, pool) -> notTaken(labels, classNames, new int[] {perClass}, new String[] {partName}, leftOut,
                pool);
    }

    private StratifiedSubset() {
    }

    /**
     * @param labels class of every image in the pool
     * @param classNames names of the classes, for error messages; every label is below their count
     * @param perClass images per class of each part, e.g. {@code {500, 100}} for training and validation
     * @param partNames name of each part, for error messages
     * @param random the seeded generator; it advances
     * @param pool what the images are, e.g. a file name, for error messages
     * @return for each part, the indices of its images in the pool, ascending
     * @throws DataException when a class has fewer images than all parts together need
     */
    static int[][] draw(int[] labels, List<String> classNames, int[] perClass, String[] partNames,
                        SplittableRandom random, String pool) {
        return draw(labels, classNames, perClass, partNames, random, List.of(), pool);
    }

    /**
     * As {@link #draw(int[], List, int[], String[], SplittableRandom, String)}, from the images that none of the
     * draws of {@code leftOut} takes: each of those generators replays, on the whole pool, a draw of the same
     * parts made elsewhere (a search trial's subset), and its images are not candidates here.
     *
     * @param leftOut generators of the draws to leave out, in their initial state; they advance
     */
    static int[][] draw(int[] labels, List<String> classNames, int[] perClass, String[] partNames,
                        SplittableRandom random, List<SplittableRandom> leftOut, String pool) {
        boolean[] taken = taken(labels, classNames, perClass, partNames, leftOut, pool);
        return draw(labels, classNames, perClass, partNames, random, taken,
                leftOut.isEmpty() ? pool : pool + " (leaving out the " + leftOut.size() + " search subsets' images)");
    }

    /**
     * Every image of the pool that none of the draws of {@code leftOut} takes, ascending: all that a search left
     * unused, to score a trained network on.
     *
     * @param leftOut generators of the draws to leave out, in their initial state; they advance
     */
    static int[] notTaken(int[] labels, List<String> classNames, int[] perClass, String[] partNames,
                          List<SplittableRandom> leftOut, String pool) {
        boolean[] taken = taken(labels, classNames, perClass, partNames, leftOut, pool);
        return IntStream.range(0, labels.length).filter(i -> !taken[i]).toArray();
    }

    /** Which images of the pool the draws of {@code leftOut} take, each replayed on the whole pool. */
    private static boolean[] taken(int[] labels, List<String> classNames, int[] perClass, String[] partNames,
                                   List<SplittableRandom> leftOut, String pool) {
        boolean[] taken = new boolean[labels.length];
        for (SplittableRandom other : leftOut) {
            for (int[] part : draw(labels, classNames, perClass, partNames, other, new boolean[labels.length], pool)) {
                for (int index : part) {
                    taken[index] = true;
                }
            }
        }
        return taken;
    }

    private static int[][] draw(int[] labels, List<String> classNames, int[] perClass, String[] partNames,
                                SplittableRandom random, boolean[] taken, String pool) {
        int classes = classNames.size();
        int[][] byClass = indicesByClass(labels, classes, taken);
        int needed = Arrays.stream(perClass).sum();
        for (int c = 0; c < classes; c++) {
            if (byClass[c].length < needed) {
                throw new DataException("too few images of class " + c + " (" + classNames.get(c) + ") in " + pool
                        + ": " + byClass[c].length + " found, " + needed + " needed (" + describe(perClass, partNames)
                        + ")");
            }
        }
        int[][] parts = new int[perClass.length][];
        for (int p = 0; p < perClass.length; p++) {
            parts[p] = new int[perClass[p] * classes];
        }
        for (int c = 0; c < classes; c++) {
            int[] candidates = byClass[c];
            // Partial Fisher-Yates: the first `needed` slots become a uniform random sample without repeats.
            for (int i = 0; i < needed; i++) {
                int j = i + random.nextInt(candidates.length - i);
                int swap = candidates[i];
                candidates[i] = candidates[j];
                candidates[j] = swap;
            }
            int from = 0;
            for (int p = 0; p < perClass.length; p++) {
                System.arraycopy(candidates, from, parts[p], c * perClass[p], perClass[p]);
                from += perClass[p];
            }
        }
        for (int[] part : parts) {
            Arrays.sort(part);
        }
        return parts;
    }

    private static int[][] indicesByClass(int[] labels, int classes, boolean[] taken) {
        int[] counts = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            if (!taken[i]) {
                counts[labels[i]]++;
            }
        }
        int[][] byClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            if (!taken[i]) {
                byClass[labels[i]][filled[labels[i]]++] = i;
            }
        }
        return byClass;
    }

    private static String describe(int[] perClass, String[] partNames) {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < perClass.length; p++) {
            if (p > 0) {
                text.append(" + ");
            }
            text.append(perClass[p]).append(' ').append(partNames[p]);
        }
        return text.toString();
    }
}
