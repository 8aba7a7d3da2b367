package dev.hpo.cli.cyclefixture.b;

import dev.hpo.cli.cyclefixture.a.First;

/** The other half of a planted package cycle: the cycle rule must report it. */
public class Second {
    First first;
}
