package dev.hpo.bench.optimizer.lcbench;

import dev.hpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An estimate of the best validation accuracy a full run of {@value LcBenchSurrogate#EPOCHS} epochs reaches on a
 * task, the point regret is measured from: the best of {@value #SAMPLES} configurations drawn uniformly from the
 * study's search space (in its unit cube, so log-scaled parameters are drawn on their log scale), then
 * {@value #ROUNDS} rounds of local search around the best {@value #KEPT} found so far, each with
 * {@value #PERTURBATIONS} Gaussian steps per point whose width shrinks from 0.1 to 0.005 of each unit range. The
 * local search polishes the random sample's winners, so a run of the benchmark rarely trains a configuration that
 * beats the estimate; when it does, its regret is negative and says so. Seeded by the task: the same task always
 * gets the same estimate.
 */
public final class BestReachable {

    static final int SAMPLES = 100_000;
    static final int ROUNDS = 25;
    static final int KEPT = 8;
    static final int PERTURBATIONS = 128;
    private static final int BATCH = 4096;
    private static final double WIDEST = 0.1;
    private static final double NARROWEST = 0.005;

    private BestReachable() {
    }

    /** A point of the unit cube and the full run's accuracy there. */
    private record Point(double[] unit, double accuracy) {
    }

    /** The estimate for the task, in accuracy points (0 to 100). */
    public static double of(LcBenchSurrogate surrogate, int task) {
        return of(surrogate, task, SAMPLES, ROUNDS);
    }

    static double of(LcBenchSurrogate surrogate, int task, int samples, int rounds) {
        SearchSpace space = LcBenchSpace.searchSpace();
        SplittableRandom random = new SplittableRandom(task);
        List<double[]> drawn = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            double[] u = new double[space.dimensions()];
            for (int d = 0; d < u.length; d++) {
                u[d] = random.nextDouble();
            }
            drawn.add(u);
        }
        List<Point> best = top(evaluate(surrogate, task, space, drawn), List.of());
        for (int r = 0; r < rounds; r++) {
            double width = WIDEST * Math.pow(NARROWEST / WIDEST, rounds == 1 ? 1 : r / (rounds - 1.0));
            List<double[]> steps = new ArrayList<>();
            for (Point p : best) {
                for (int k = 0; k < PERTURBATIONS; k++) {
                    double[] u = p.unit().clone();
                    for (int d = 0; d < u.length; d++) {
                        u[d] = Math.min(Math.nextDown(1.0), Math.max(0, u[d] + width * random.nextGaussian()));
                    }
                    steps.add(u);
                }
            }
            best = top(evaluate(surrogate, task, space, steps), best);
        }
        return best.get(0).accuracy();
    }

    private static List<Point> evaluate(LcBenchSurrogate surrogate, int task, SearchSpace space,
                                        List<double[]> units) {
        List<Point> points = new ArrayList<>(units.size());
        for (int from = 0; from < units.size(); from += BATCH) {
            List<double[]> batch = units.subList(from, Math.min(units.size(), from + BATCH));
            List<LcBenchConfig> configs = batch.stream().map(u -> LcBenchConfig.of(space.decode(u).values())).toList();
            double[] accuracy = surrogate.valAccuracy(task, configs, LcBenchSurrogate.EPOCHS);
            for (int i = 0; i < accuracy.length; i++) {
                points.add(new Point(batch.get(i), accuracy[i]));
            }
        }
        return points;
    }

    /** The best {@value #KEPT} of the new points and those kept so far, best first. */
    private static List<Point> top(List<Point> fresh, List<Point> kept) {
        Point[] all = new Point[fresh.size() + kept.size()];
        for (int i = 0; i < fresh.size(); i++) {
            all[i] = fresh.get(i);
        }
        for (int i = 0; i < kept.size(); i++) {
            all[fresh.size() + i] = kept.get(i);
        }
        Arrays.sort(all, Comparator.comparingDouble(Point::accuracy).reversed());
        return List.of(Arrays.copyOf(all, Math.min(KEPT, all.length)));
    }
}
