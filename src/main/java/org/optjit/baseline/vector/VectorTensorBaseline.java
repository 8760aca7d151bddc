package org.optjit.baseline.vector;

import java.util.List;
import java.util.Map;
import org.optjit.baseline.TensorBaseline;

/**
 * A hand-written Vector API version of a scalar {@link TensorBaseline}: the same rule,
 * hyperparameters, state and step structure (the scalar class runs the step and calls back
 * into the subclass's loops); only the loops over one tensor are vectorised.
 *
 * @param <B> the scalar baseline it mirrors
 */
abstract class VectorTensorBaseline<B extends TensorBaseline> implements TensorBaseline {

    /** The widest species this CPU runs natively. */
    protected static final jdk.incubator.vector.VectorSpecies<Float> SPECIES = VectorBaseline.SPECIES;

    /**
     * Floats per block of a vectorised sum of squares: within a block each lane adds a few
     * dozen squares in float, then the block's sum goes into a double, so the rounding error
     * stays near a double sum's while the loop runs at full vector speed.
     */
    protected static final int BLOCK = 1024;

    /** The scalar baseline: hyperparameters, state, the step's structure and the tails. */
    protected final B scalar;

    protected VectorTensorBaseline(B scalar) {
        this.scalar = scalar;
    }

    @Override
    public String rule() {
        return scalar.rule();
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return scalar.hyperparameters();
    }

    @Override
    public List<String> stateNames() {
        return scalar.stateNames();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + scalar + "]";
    }
}
