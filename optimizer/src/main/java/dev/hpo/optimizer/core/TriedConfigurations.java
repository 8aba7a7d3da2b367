package dev.hpo.optimizer.core;

import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical points already taken by a trial (of any state) or already chosen in this round of proposals.
 *
 * <p>Points are bucketed by a hash of their integer and categorical coordinates and by the first float coordinate
 * cut into slices of the float tolerance, so a look-up compares against the few points of three buckets instead of
 * every trial of the study, and costs about the same however large the study grows.
 */
public final class TriedConfigurations {

    private final UnitCube cube;
    private final int firstFloat;
    private final Map<Long, List<Integer>> buckets = new HashMap<>();
    private final List<double[]> points = new ArrayList<>();

    public TriedConfigurations(UnitCube cube) {
        this.cube = cube;
        int first = -1;
        for (int i = 0; i < cube.dimensions() && first < 0; i++) {
            if (cube.kind(i) == UnitCube.Kind.FLOAT) {
                first = i;
            }
        }
        this.firstFloat = first;
    }

    /** The set of the configurations the trials ran or will run, whatever their state. */
    public static TriedConfigurations of(UnitCube cube, List<Trial> trials) {
        TriedConfigurations tried = new TriedConfigurations(cube);
        // Repeats of a configuration go in more than once, which costs a little memory and nothing else.
        for (Trial t : trials) {
            tried.add(cube.encode(t.parameters()));
        }
        return tried;
    }

    /** Position of the same configuration among those added, or -1. */
    public int indexOf(double[] canonical) {
        long slice = slice(canonical);
        long discrete = discreteHash(canonical);
        for (long s = slice - 1; s <= slice + 1; s++) {
            List<Integer> members = buckets.get(bucket(discrete, s));
            if (members != null) {
                for (int index : members) {
                    if (cube.same(points.get(index), canonical)) {
                        return index;
                    }
                }
            }
        }
        return -1;
    }

    public boolean contains(double[] canonical) {
        return indexOf(canonical) >= 0;
    }

    /** Adds a point and returns its index. */
    public int add(double[] canonical) {
        points.add(canonical.clone());
        int index = points.size() - 1;
        buckets.computeIfAbsent(bucket(discreteHash(canonical), slice(canonical)), b -> new ArrayList<>()).add(index);
        return index;
    }

    public int size() {
        return points.size();
    }

    private long slice(double[] canonical) {
        return firstFloat < 0 ? 0 : (long) Math.floor(canonical[firstFloat] / UnitCube.FLOAT_TOLERANCE);
    }

    /** A hash of the integer and categorical coordinates; collisions only cost a comparison. */
    private long discreteHash(double[] canonical) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < canonical.length; i++) {
            if (cube.kind(i) != UnitCube.Kind.FLOAT) {
                h = (h ^ Double.doubleToLongBits(canonical[i])) * 0xBF58476D1CE4E5B9L;
                h ^= h >>> 31;
            }
        }
        return h;
    }

    private static long bucket(long discreteHash, long slice) {
        long h = (discreteHash ^ slice) * 0x94D049BB133111EBL;
        return h ^ (h >>> 29);
    }
}
