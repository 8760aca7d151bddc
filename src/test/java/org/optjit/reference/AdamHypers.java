package org.optjit.reference;

/**
 * The hyperparameters the Adam family shares, with the defaults of Kingma and Ba 2015 (and
 * PyTorch): beta1 = 0.9, beta2 = 0.999, eps = 1e-8; the learning rate's default differs by
 * rule (0.001 for Adam, 0.002 for AdaMax and NAdam).
 */
record AdamHypers(double lr, double beta1, double beta2, double eps) {

    static AdamHypers of(Hypers h, double publishedLr) {
        return new AdamHypers(h.get("lr", publishedLr), h.get("beta1", 0.9), h.get("beta2", 0.999),
                h.get("eps", 1e-8));
    }
}
