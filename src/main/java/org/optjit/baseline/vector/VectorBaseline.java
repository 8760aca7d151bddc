package org.optjit.baseline.vector;

import java.util.List;
import java.util.Map;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.optjit.baseline.Baseline;
import org.optjit.runtime.Alignment;

/**
 * A hand-written Vector API version of a scalar {@link Baseline}: the same formula, the
 * same hyperparameters and per-step scalars, over whole vectors of the preferred species.
 * Conditions become compare masks and {@code blend}; there are no branches in the loop.
 * The vector loop starts at a cache-line aligned index, as generated kernels do
 * ({@link Alignment}: a 512-bit access across two lines costs about a fifth of AdamW's
 * speed, so an unaligned baseline would flatter the generated code); the weights before it
 * and the tail (fewer weights than one vector) run the scalar loop, which gives the same
 * bits.
 *
 * <p>Lanewise {@code + - * /} and {@code sqrt} are the IEEE float32 operations and
 * {@code min}/{@code max} follow {@code Math.min}/{@code Math.max}, so a vector baseline
 * equals its scalar one bit for bit.
 *
 * @param <B> the scalar baseline it mirrors
 */
public abstract class VectorBaseline<B extends Baseline> implements Baseline {

    /** The widest species this CPU runs natively (16 floats with AVX-512, 8 with AVX2). */
    protected static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /** The scalar baseline: hyperparameters, state layout, per-step scalars and the tail. */
    protected final B scalar;

    protected VectorBaseline(B scalar) {
        this.scalar = scalar;
    }

    /** The scalar baseline this vectorises. */
    public B scalar() {
        return scalar;
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
    public void initState(float[] w, float[][] state) {
        scalar.initState(w, state);
    }

    @Override
    public float[] uniforms(long t) {
        return scalar.uniforms(t);
    }

    @Override
    public final void run(float[] w, float[] g, float[][] state, float[] u, int from, int to) {
        int start = Alignment.start(from, to);
        int bound = start + SPECIES.loopBound(to - start);
        scalar.run(w, g, state, u, from, start);
        vectorLoop(w, g, state, u, start, bound);
        scalar.run(w, g, state, u, bound, to);
    }

    /**
     * The vector loop over {@code [from, bound)}, a whole number of vectors: step {@code i}
     * by {@code SPECIES.length()}.
     */
    protected abstract void vectorLoop(float[] w, float[] g, float[][] state, float[] u, int from, int bound);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + scalar + "]";
    }
}
