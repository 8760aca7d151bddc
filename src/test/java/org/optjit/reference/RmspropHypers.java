package org.optjit.reference;

/**
 * The hyperparameters of rmsprop (lecture 6e) and its variants: the learning rate, the
 * decay of the mean square and the delta added to its root. The rate is named as each
 * rule's source names it: {@code eps} in the lecture's rules, {@code lr} in centered rmsprop
 * (Graves 2013, as in PyTorch).
 */
record RmspropHypers(double rate, double decay, double delta) {

    /** The lecture's: eps = 0.001, decay = 0.9, delta = 1e-8. */
    static RmspropHypers of(Hypers h) {
        return of(h, "eps", 0.001, 0.9);
    }

    static RmspropHypers of(Hypers h, String rateName, double publishedRate, double publishedDecay) {
        return new RmspropHypers(h.get(rateName, publishedRate), h.get("decay", publishedDecay), h.get("delta", 1e-8));
    }
}
