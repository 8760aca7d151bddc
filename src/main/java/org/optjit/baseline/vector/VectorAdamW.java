package org.optjit.baseline.vector;

import jdk.incubator.vector.FloatVector;
import org.optjit.baseline.AdamW;

/**
 * {@link AdamW} with the Vector API: decay, both moments and the update in one pass.
 * {@link #update} also serves {@link VectorClipAdamW} with a clipped gradient.
 */
public final class VectorAdamW extends VectorBaseline<AdamW> {

    public VectorAdamW(AdamW scalar) {
        super(scalar);
    }

    @Override
    protected void vectorLoop(float[] w, float[] g, float[][] state, float[] u, int from, int bound) {
        update(w, g, 1f, state[0], state[1], u, from, bound);
    }

    /**
     * {@link AdamW#update} over {@code [from, bound)}, a whole number of vectors, with the
     * same float operations in the same order, so the same bits.
     */
    static void update(float[] w, float[] g, float scale, float[] m, float[] v, float[] u, int from, int bound) {
        float beta1 = u[0];
        float keep1 = u[1];
        float beta2 = u[2];
        float keep2 = u[3];
        float bias1 = u[4];
        float bias2 = u[5];
        float lr = u[6];
        float eps = u[7];
        float decay = u[8];
        for (int i = from; i < bound; i += SPECIES.length()) {
            FloatVector gv = FloatVector.fromArray(SPECIES, g, i).mul(scale);
            FloatVector mv = FloatVector.fromArray(SPECIES, m, i).mul(beta1).add(gv.mul(keep1));
            FloatVector vv = FloatVector.fromArray(SPECIES, v, i).mul(beta2).add(gv.mul(gv).mul(keep2));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector wv = FloatVector.fromArray(SPECIES, w, i).mul(decay);
            FloatVector step = mv.div(bias1).mul(lr).div(vv.div(bias2).sqrt().add(eps));
            wv.sub(step).intoArray(w, i);
        }
    }
}
