package dev.hpo.optimizer.pareto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The area (one or two objectives, as losses) dominated by a set of points and bounded by a reference point. */
public final class Hypervolume {

    private Hypervolume() {
    }

    /**
     * @param points loss vectors, all of the reference point's length (1 or 2)
     * @param reference a point worse than every point that should count; points not better in every objective
     *        add nothing
     * @throws IllegalArgumentException for more than two objectives
     */
    public static double of(List<double[]> points, double[] reference) {
        if (reference.length == 1) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] p : points) {
                best = Math.min(best, p[0]);
            }
            return Math.max(0, reference[0] - best);
        }
        if (reference.length != 2) {
            throw new IllegalArgumentException("hypervolume is computed for one or two objectives, got "
                    + reference.length);
        }
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p[0] < reference[0] && p[1] < reference[1]) {
                inside.add(p);
            }
        }
        inside.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double area = 0;
        double ceiling = reference[1];
        for (double[] p : inside) {
            if (p[1] < ceiling) {
                area += (reference[0] - p[0]) * (ceiling - p[1]);
                ceiling = p[1];
            }
        }
        return area;
    }

    /** How much a point would add to the hypervolume of the others. */
    public static double improvement(List<double[]> points, double[] candidate, double[] reference) {
        List<double[]> with = new ArrayList<>(points);
        with.add(candidate);
        return of(with, reference) - of(points, reference);
    }
}
