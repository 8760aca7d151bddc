package org.optjit.reference;

/**
 * The hyperparameters of rmsprop (lecture 6e) and its variants: the learning rate, the
 * decay of the mean square and the delta added to its root.
 */
record RmspropHypers(double lr, double decay, double delta) {

    /** The lecture's: lr = 0.001, decay = 0.9, delta = 1e-8. */
    static RmspropHypers of(Hypers h) {
        return of(h, 0.001, 0.9);
    }

    static RmspropHypers of(Hypers h, double publishedLr, double publishedDecay) {
        return new RmspropHypers(h.get("lr", publishedLr), h.get("decay", publishedDecay), h.get("delta", 1e-8));
    }
}
