package org.optjit.bench;

/**
 * One implementation of an update rule, ready to step the same weights again and again.
 * Steps mutate the weights and the state, so a benchmark restores both before every
 * measurement iteration ({@link #reset}), as the JMH samples do for mutated inputs.
 */
interface Stepper {

    /**
     * Restores the state to its initial value for {@code w} and the step count to 0 (a new
     * state when {@code w} has another length than the last one).
     */
    void reset(float[] w);

    /** One step of the rule over all of {@code w}. */
    void step(float[] w, float[] g);
}
