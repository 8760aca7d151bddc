package org.optjit.train;

/** How the examples of an epoch are spread over its mini-batches. */
public enum BatchMix {
    /** A plain shuffle: each mini-batch is a random sample. */
    SHUFFLED,
    /**
     * Each mini-batch holds the classes in the proportions of the training set (within one
     * example per class), as lecture 6a advises: "mini-batches should be balanced for
     * classes". Only for labelled data; autoencoder data is shuffled.
     */
    BALANCED;

    /** The name on the command line. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
