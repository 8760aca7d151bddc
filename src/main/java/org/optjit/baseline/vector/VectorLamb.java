package org.optjit.baseline.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.optjit.baseline.Lamb;
import org.optjit.runtime.Alignment;

/**
 * {@link Lamb} with the Vector API: per tensor, one fused pass for the moments, the
 * direction {@code r} and both norms, which keeps {@code r} in a per-thread buffer, then one
 * pass that applies it (reading {@code r} and {@code w} from this core's caches when the
 * tensor fits). Both loops start at an aligned index ({@link Alignment}), the kept values
 * at an index of the same phase. The per-weight arithmetic equals the scalar loops' bit for
 * bit; the norms add lanes first (in float within blocks of {@link #BLOCK} weights, then in
 * double), so the trust ratio differs from the scalar one in its last bits.
 */
public final class VectorLamb extends VectorTensorBaseline<Lamb> implements Lamb.Loops {

    /**
     * The direction {@code r} of the tensor in progress on this thread, kept by
     * {@link #moments} for {@link #apply}: reading it back (4 bytes per weight, from this
     * core's cache) is cheaper than reading {@code m} and {@code v} again and recomputing
     * two divisions and a root per weight. Grows to the largest tensor.
     */
    private static final ThreadLocal<float[]> KEPT = ThreadLocal.withInitial(() -> new float[0]);

    public VectorLamb(Lamb scalar) {
        super(scalar);
    }

    @Override
    public void step(float[] w, float[] g, float[][] state, long t, int[] offsets, int[] sizes, int threads) {
        scalar.step(this, w, g, state, t, offsets, sizes, threads);
    }

    @Override
    public void moments(float[] w, float[] g, float[] m, float[] v, float[] u, int from, int to,
                        double[] sums, int at) {
        float beta1 = u[0];
        float keep1 = u[1];
        float beta2 = u[2];
        float keep2 = u[3];
        int start = Alignment.start(from, to);
        int bound = start + SPECIES.loopBound(to - start);
        int shift = Alignment.PHASE - start;
        float[] kept = KEPT.get();
        if (kept.length < bound + shift) {
            kept = new float[bound + shift];
            KEPT.set(kept);
        }
        Lamb.SCALAR_LOOPS.moments(w, g, m, v, u, from, start, sums, at);
        double ww = sums[at];
        double rr = sums[at + 1];
        for (int block = start; block < bound; block += BLOCK) {
            int end = Math.min(bound, block + BLOCK);
            FloatVector accW = FloatVector.zero(SPECIES);
            FloatVector accR = accW;
            for (int i = block; i < end; i += SPECIES.length()) {
                FloatVector gv = FloatVector.fromArray(SPECIES, g, i);
                FloatVector mv = FloatVector.fromArray(SPECIES, m, i).mul(beta1).add(gv.mul(keep1));
                FloatVector vv = FloatVector.fromArray(SPECIES, v, i).mul(beta2).add(gv.mul(gv).mul(keep2));
                mv.intoArray(m, i);
                vv.intoArray(v, i);
                FloatVector wv = FloatVector.fromArray(SPECIES, w, i);
                FloatVector r = direction(mv, vv, wv, u);
                r.intoArray(kept, i + shift);
                accW = accW.add(wv.mul(wv));
                accR = accR.add(r.mul(r));
            }
            ww += accW.reduceLanes(VectorOperators.ADD);
            rr += accR.reduceLanes(VectorOperators.ADD);
        }
        Lamb.SCALAR_LOOPS.moments(w, g, m, v, u, bound, to, sums, at);
        sums[at] += ww;
        sums[at + 1] += rr;
    }

    @Override
    public void apply(float[] w, float[] m, float[] v, float[] u, float step, int from, int to) {
        int start = Alignment.start(from, to);
        int bound = start + SPECIES.loopBound(to - start);
        int shift = Alignment.PHASE - start;
        float[] kept = KEPT.get();
        Lamb.SCALAR_LOOPS.apply(w, m, v, u, step, from, start);
        for (int i = start; i < bound; i += SPECIES.length()) {
            FloatVector wv = FloatVector.fromArray(SPECIES, w, i);
            FloatVector r = FloatVector.fromArray(SPECIES, kept, i + shift);
            wv.sub(r.mul(step)).intoArray(w, i);
        }
        Lamb.SCALAR_LOOPS.apply(w, m, v, u, step, bound, to);
    }

    /** {@link Lamb#direction} lanewise: the same operations in the same order. */
    private static FloatVector direction(FloatVector m, FloatVector v, FloatVector w, float[] u) {
        return m.div(u[4]).div(v.div(u[5]).sqrt().add(u[6])).add(w.mul(u[7]));
    }
}
