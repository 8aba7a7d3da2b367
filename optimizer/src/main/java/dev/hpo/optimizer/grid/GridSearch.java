package dev.hpo.optimizer.grid;

import dev.hpo.optimizer.core.Feasibility;
import dev.hpo.optimizer.core.SearchAlgorithm;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.optimizer.core.TriedConfigurations;
import dev.hpo.optimizer.core.UnitCube;
import dev.hpo.space.Configuration;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cartesian product of every parameter's levels, in order: the first parameter varies slowest, as in a
 * nested loop written in declaration order. Categoricals take all their values, integers all their values up
 * to {@code levels} (else {@code levels} evenly spread ones), floats {@code levels} values evenly spread over
 * their scale from min to max. Points that decode to an already-taken configuration (an inactive conditional
 * parameter collapses its levels) or break a known constraint are skipped; an exhausted grid proposes nothing.
 */
public final class GridSearch implements SearchAlgorithm {

    /** Default number of levels of a float parameter, and the most levels an integer gets. */
    public static final int DEFAULT_LEVELS = 5;

    private final int levels;

    public GridSearch() {
        this(DEFAULT_LEVELS);
    }

    /** @throws IllegalArgumentException when fewer than 2 levels are asked for */
    public GridSearch(int levels) {
        if (levels < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 levels per float parameter, got " + levels);
        }
        this.levels = levels;
    }

    @Override
    public List<Configuration> propose(SearchProblem problem, List<Trial> trials, int count) {
        UnitCube cube = new UnitCube(problem.space());
        TriedConfigurations tried = TriedConfigurations.of(cube, trials);
        double[][] axes = axes(cube);
        List<Configuration> proposals = new ArrayList<>();
        int[] index = new int[axes.length];
        boolean more = true;
        while (more && proposals.size() < count) {
            double[] point = new double[axes.length];
            for (int i = 0; i < axes.length; i++) {
                point[i] = axes[i][index[i]];
            }
            double[] canonical = cube.canonical(point);
            if (Feasibility.admissible(problem, cube, tried, canonical)) {
                tried.add(canonical);
                proposals.add(cube.decode(canonical));
            }
            more = advance(index, axes);
        }
        return proposals;
    }

    /** How many grid points the space has (before skipping collapsed and infeasible ones). */
    public long size(UnitCube cube) {
        long size = 1;
        for (double[] axis : axes(cube)) {
            size = Math.multiplyExact(size, axis.length);
        }
        return size;
    }

    private double[][] axes(UnitCube cube) {
        double[][] axes = new double[cube.dimensions()][];
        for (int i = 0; i < axes.length; i++) {
            int n = switch (cube.kind(i)) {
                case CATEGORICAL -> cube.levels(i);
                case INTEGER -> Math.min(cube.levels(i), levels);
                case FLOAT -> levels;
            };
            axes[i] = new double[n];
            for (int j = 0; j < n; j++) {
                axes[i][j] = cube.kind(i) == UnitCube.Kind.FLOAT
                        ? (double) j / (n - 1)
                        : (j + 0.5) / n;
            }
        }
        return axes;
    }

    /** Moves to the next grid point, last coordinate fastest; false after the last one. */
    private static boolean advance(int[] index, double[][] axes) {
        for (int i = index.length - 1; i >= 0; i--) {
            index[i]++;
            if (index[i] < axes[i].length) {
                return true;
            }
            index[i] = 0;
        }
        return false;
    }
}
