package dev.hpo.runner.options;

import picocli.CommandLine.Option;

/** How deep and how wide the network is, as multipliers of its family's base layout. */
public final class NetworkScaleOptions {

    @Option(names = "--depth", defaultValue = "1")
    double depth;

    @Option(names = "--width", defaultValue = "1")
    double width;

    public double depth() {
        return depth;
    }

    public double width() {
        return width;
    }
}
