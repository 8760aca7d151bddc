package org.optjit.search.evolve;

/** How parents are chosen. */
public enum Algorithm {
    /**
     * Regularised evolution (Real et al. 2019, "Regularized Evolution for Image Classifier
     * Architecture Search"): a parent is the best of a random sample of the population,
     * and the oldest member dies when a child is born, so a lucky score cannot rule forever.
     */
    EVOLUTION,
    /** Random rules only: the baseline every search should beat (Real et al. 2019, section 4). */
    RANDOM
}
