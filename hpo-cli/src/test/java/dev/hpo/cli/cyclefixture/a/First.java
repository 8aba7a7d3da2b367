package dev.hpo.cli.cyclefixture.a;

import dev.hpo.cli.cyclefixture.b.Second;

/** Half of a planted package cycle: the cycle rule must report it. */
public class First {
    Second second;
}
