package dev.hpo.protocol.cycle.a;

/** Half of a planted package cycle, for the cycle rule to find. */
public final class First {
    final dev.hpo.protocol.cycle.b.Second next = null;
}
