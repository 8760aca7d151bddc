package org.optjit.baseline.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.optjit.baseline.AdamW;
import org.optjit.baseline.ClipAdamW;
import org.optjit.runtime.Alignment;

/**
 * {@link ClipAdamW} with the Vector API: the same two passes and per-step scalars, over
 * whole vectors from an aligned index ({@link Alignment}); heads and tails run the scalar
 * loops. The AdamW pass is {@link VectorAdamW}'s, so it equals the scalar one bit for bit
 * given the same clip factor; the sum of squares adds lanes first (four accumulators, in
 * float within blocks of {@link #BLOCK} weights, then in double) and so differs from the
 * scalar one in its last bits.
 */
public final class VectorClipAdamW extends VectorTensorBaseline<ClipAdamW> implements ClipAdamW.Loops {

    public VectorClipAdamW(ClipAdamW scalar) {
        super(scalar);
    }

    @Override
    public void step(float[] w, float[] g, float[][] state, long t, int[] offsets, int[] sizes, int threads) {
        scalar.step(this, w, g, state, t, offsets, sizes, threads);
    }

    @Override
    public double sumOfSquares(float[] g, int from, int to) {
        int step = 4 * SPECIES.length();
        int start = Alignment.start(from, to);
        int bound = start + (to - start) / step * step;
        double sum = ClipAdamW.SCALAR_LOOPS.sumOfSquares(g, from, start);
        for (int block = start; block < bound; block += BLOCK) {
            int end = Math.min(bound, block + BLOCK);
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int i = block; i < end; i += step) {
                FloatVector x0 = FloatVector.fromArray(SPECIES, g, i);
                FloatVector x1 = FloatVector.fromArray(SPECIES, g, i + SPECIES.length());
                FloatVector x2 = FloatVector.fromArray(SPECIES, g, i + 2 * SPECIES.length());
                FloatVector x3 = FloatVector.fromArray(SPECIES, g, i + 3 * SPECIES.length());
                a0 = a0.add(x0.mul(x0));
                a1 = a1.add(x1.mul(x1));
                a2 = a2.add(x2.mul(x2));
                a3 = a3.add(x3.mul(x3));
            }
            sum += a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        }
        return sum + ClipAdamW.SCALAR_LOOPS.sumOfSquares(g, bound, to);
    }

    @Override
    public void update(float[] w, float[] g, float scale, float[] m, float[] v, float[] u, int from, int to) {
        int start = Alignment.start(from, to);
        int bound = start + SPECIES.loopBound(to - start);
        AdamW.update(w, g, scale, m, v, u, from, start);
        VectorAdamW.update(w, g, scale, m, v, u, start, bound);
        AdamW.update(w, g, scale, m, v, u, bound, to);
    }
}
