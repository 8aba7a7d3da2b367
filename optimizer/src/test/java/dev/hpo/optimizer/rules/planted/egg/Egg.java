package dev.hpo.optimizer.rules.planted.egg;

import dev.hpo.optimizer.rules.planted.hen.Hen;

/** The other half of the planted package cycle. */
public final class Egg {

    Hen hatchedBy;
}
