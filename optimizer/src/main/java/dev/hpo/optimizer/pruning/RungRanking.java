package dev.hpo.optimizer.pruning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a rung keeps trials, as in multi-objective successive halving (Schmucker et al., 2021, with
 * NSGA-II's ranking): by non-dominated front first, and within a front by crowding distance, larger first, so
 * that the trials a rung keeps spread along the trade-off instead of crowding one end of it. With one objective
 * the fronts are the distinct losses and the order is simply smaller first.
 *
 * <p>The fronts are sorted in {@code O(n log n)} for one or two objectives (a rung of ten thousand trials is read
 * on every decision there), by the sweep of Jensen (2003): in order of the first loss, each point joins the first
 * front none of whose points dominates it, and a front is summed up by its smallest second loss.
 */
final class RungRanking {

    private RungRanking() {
    }

    /**
     * How many of {@code others} rank strictly ahead of {@code own}: in an earlier front, or in its front with a
     * larger crowding distance. Ties count for {@code own}, so a trial is kept when this is below the number kept.
     *
     * @param own losses of one or two objectives, smaller better
     * @param others losses of the same objectives
     */
    static int ahead(double[] own, List<double[]> others) {
        List<double[]> points = new ArrayList<>(others.size() + 1);
        points.addAll(others);
        points.add(own);
        int ownIndex = points.size() - 1;
        int[] front = fronts(points);
        int ahead = 0;
        List<Integer> sameFront = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (front[i] < front[ownIndex]) {
                ahead++;
            } else if (front[i] == front[ownIndex]) {
                sameFront.add(i);
            }
        }
        double[] crowding = crowding(points, sameFront);
        double ownCrowding = crowding[sameFront.indexOf(ownIndex)];
        for (double c : crowding) {
            if (c > ownCrowding) {
                ahead++;
            }
        }
        return ahead;
    }

    /** The non-dominated front of each point, 0 for the first. */
    static int[] fronts(List<double[]> points) {
        int n = points.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> points.get(i)[0])
                .thenComparingDouble(i -> second(points.get(i))));
        // For each front so far: its smallest second loss, and the smallest first loss among its points that have it.
        double[] lowestSecond = new double[n];
        double[] firstAtLowest = new double[n];
        int fronts = 0;
        int[] front = new int[n];
        for (int i : order) {
            double a = points.get(i)[0];
            double b = second(points.get(i));
            int lo = 0;
            int hi = fronts;
            // A front dominates the point exactly when its lowest point does; earlier fronts dominate whenever
            // a later one does, so the first front that does not is found by bisection.
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                boolean dominates = lowestSecond[mid] < b || lowestSecond[mid] == b && firstAtLowest[mid] < a;
                if (dominates) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            front[i] = lo;
            if (lo == fronts) {
                fronts++;
                lowestSecond[lo] = b;
                firstAtLowest[lo] = a;
            } else if (b < lowestSecond[lo]) {
                lowestSecond[lo] = b;
                firstAtLowest[lo] = a;
            }
        }
        return front;
    }

    /**
     * NSGA-II's crowding distance of the {@code members} of one front, in their order: per objective, the gap
     * between a point's nearest distinct neighbours over the front's range, summed; a point at either end of a
     * range is infinitely far. An objective on which the whole front agrees adds nothing, so equal points are
     * equally crowded.
     */
    static double[] crowding(List<double[]> points, List<Integer> members) {
        double[] distance = new double[members.size()];
        int objectives = points.get(members.get(0)).length;
        for (int j = 0; j < objectives; j++) {
            final int objective = j;
            double[] values = members.stream().mapToDouble(i -> points.get(i)[objective]).sorted().distinct()
                    .toArray();
            if (values.length < 2) {
                continue;
            }
            double range = values[values.length - 1] - values[0];
            for (int m = 0; m < members.size(); m++) {
                double v = points.get(members.get(m))[j];
                int at = Arrays.binarySearch(values, v);
                distance[m] += at == 0 || at == values.length - 1 ? Double.POSITIVE_INFINITY
                        : (values[at + 1] - values[at - 1]) / range;
            }
        }
        return distance;
    }

    private static double second(double[] point) {
        return point.length > 1 ? point[1] : 0;
    }
}
