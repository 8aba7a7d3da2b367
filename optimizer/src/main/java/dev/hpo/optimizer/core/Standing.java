package dev.hpo.optimizer.core;

/**
 * Where an evaluated configuration ranks: feasibility first, then the objective. Greater is better, so
 * Jenetics selectors use it as fitness with {@code Optimize.MAXIMUM}.
 *
 * <p>Order, best first: completed and feasible by loss; pruned and feasible by loss (values of training cut
 * short never outrank a completed result); infeasible by total normalised violation, then loss; unranked
 * (pending, failed, or no objective value).
 *
 * @param tier 0 complete and feasible, 1 pruned and feasible, 2 infeasible, 3 unranked
 * @param violation total normalised constraint violation, 0 when feasible
 * @param loss the first objective as a loss (smaller is better)
 */
public record Standing(int tier, double violation, double loss) implements Comparable<Standing> {

    public static final int COMPLETE_FEASIBLE = 0;
    public static final int PRUNED_FEASIBLE = 1;
    public static final int INFEASIBLE = 2;
    public static final int UNRANKED = 3;

    public static Standing unranked() {
        return new Standing(UNRANKED, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    public boolean ranked() {
        return tier < UNRANKED;
    }

    public boolean feasible() {
        return tier <= PRUNED_FEASIBLE;
    }

    @Override
    public int compareTo(Standing other) {
        if (tier != other.tier) {
            return Integer.compare(other.tier, tier);
        }
        if (tier == INFEASIBLE && violation != other.violation) {
            return Double.compare(other.violation, violation);
        }
        return Double.compare(other.loss, loss);
    }
}
