package dev.hpo.arch;

/**
 * What a network costs, counted without building it.
 *
 * @param macs forward multiply-accumulates of the convolution and linear layers for one image
 * @param params trainable parameters: conv and linear weights and biases, batch-norm gamma and beta
 *               (running statistics are not trained and not counted)
 */
public record ArchitectureCost(long macs, long params) {
}
