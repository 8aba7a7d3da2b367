package dev.hpo.space;

/** Equality of parameter values across the number types JSON parsing and optimizers produce. */
final class Values {

    private Values() {
    }

    /** True when both are the same string or boolean, or numbers of equal value (1 equals 1.0). */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return a != null && a.equals(b);
    }

    static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
