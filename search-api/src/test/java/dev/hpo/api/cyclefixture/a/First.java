package dev.hpo.api.cyclefixture.a;

import dev.hpo.api.cyclefixture.b.Second;

/** Half of a planted package cycle: the cycle rule must report it. */
public class First {
    Second second;
}
