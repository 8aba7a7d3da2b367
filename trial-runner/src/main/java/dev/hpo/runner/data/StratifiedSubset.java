package dev.hpo.runner.data;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws stratified subsets: a fixed number of images of every class, uniformly at random for a seed. Drawing
 * several parts from one pool (e.g. training and validation images of one folder) takes them from a single
 * shuffle per class, so the parts never share an image. SplittableRandom's algorithm is specified, so a seed
 * selects the same images on every JVM.
 */
final class StratifiedSubset {

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
        int classes = classNames.size();
        int[][] byClass = indicesByClass(labels, classes);
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

    /** The indices below {@code size} that none of the draws took, ascending. */
    static int[] notDrawn(int size, List<int[]> draws) {
        boolean[] taken = new boolean[size];
        for (int[] draw : draws) {
            for (int index : draw) {
                taken[index] = true;
            }
        }
        return java.util.stream.IntStream.range(0, size).filter(i -> !taken[i]).toArray();
    }

    private static int[][] indicesByClass(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int[][] byClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
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
