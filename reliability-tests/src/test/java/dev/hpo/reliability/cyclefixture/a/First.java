package dev.hpo.reliability.cyclefixture.a;

import dev.hpo.reliability.cyclefixture.b.Second;

/** Half of a planted package cycle: the cycle rule must report it. */
public class First {
    Second second;
}
