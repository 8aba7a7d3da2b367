package dev.hpo.space;

/** How a numeric parameter's range maps to the unit interval optimizers search in. */
public enum Scale {
    LINEAR,
    /** Equal ratios get equal room: learning rates, weight decays, batch sizes. Bounds must be positive. */
    LOG
}
