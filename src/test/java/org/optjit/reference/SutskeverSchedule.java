package org.optjit.reference;

import org.optjit.runtime.MathOps;

/**
 * The momentum schedule of Sutskever, Martens, Dahl and Hinton 2013 (eq. 5), in double:
 * {@code mu_t = min(1 - 2^(-1 - log2(floor(t/250) + 1)), mu_max)}. {@code log2} is the one
 * the float-semantics contract names ({@link MathOps#log2(double)}, exact on powers of two).
 */
final class SutskeverSchedule {

    private SutskeverSchedule() {
    }

    static double mu(long t, double muMax) {
        return Math.min(1 - Math.pow(2, -1 - MathOps.log2(Math.floor(t / 250.0) + 1)), muMax);
    }
}
