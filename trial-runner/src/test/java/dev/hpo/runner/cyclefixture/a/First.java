package dev.hpo.runner.cyclefixture.a;

import dev.hpo.runner.cyclefixture.b.Second;

/** Half of a planted package cycle: the cycle rule must report it. */
public class First {
    Second second;
}
