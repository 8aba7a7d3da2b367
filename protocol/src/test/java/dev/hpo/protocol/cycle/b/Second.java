package dev.hpo.protocol.cycle.b;

/** The other half of the planted package cycle. */
public final class Second {
    final dev.hpo.protocol.cycle.a.First back = null;
}
