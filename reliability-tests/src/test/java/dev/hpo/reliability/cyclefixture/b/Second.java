package dev.hpo.reliability.cyclefixture.b;

import dev.hpo.reliability.cyclefixture.a.First;

/** The other half of a planted package cycle: the cycle rule must report it. */
public class Second {
    First first;
}
