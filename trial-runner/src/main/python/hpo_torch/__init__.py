"""The PyTorch engine of hpo: trains one trial from the files the Java trial runner writes for it.

The Java side resolves the trial (plan, network layout, stratified subsets, normalisation) exactly as for the
DL4J engine and hands over the result; this package builds the network from that layout, trains it under the
trial's time cap and speaks the engine's line protocol on standard output (see ``events``).
"""
