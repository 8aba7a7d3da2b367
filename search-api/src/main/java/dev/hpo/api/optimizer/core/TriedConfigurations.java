package dev.hpo.api.optimizer.core;

import java.util.ArrayList;
import java.util.List;

/** Canonical points already taken by a trial (of any state) or already chosen in this round of proposals. */
public final class TriedConfigurations {

    private final UnitCube cube;
    private final List<double[]> points = new ArrayList<>();

    public TriedConfigurations(UnitCube cube) {
        this.cube = cube;
    }

    /** Position of the same configuration among those added, or -1. */
    public int indexOf(double[] canonical) {
        for (int i = 0; i < points.size(); i++) {
            if (cube.same(points.get(i), canonical)) {
                return i;
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
        return points.size() - 1;
    }

    public int size() {
        return points.size();
    }
}
