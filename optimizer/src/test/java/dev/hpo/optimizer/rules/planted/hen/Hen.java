package dev.hpo.optimizer.rules.planted.hen;

import dev.hpo.optimizer.rules.planted.egg.Egg;

/** Half of a planted package cycle, so the cycle rule is seen to fire. */
public final class Hen {

    Egg laid;
}
