package org.optjit.baseline.vector;

import jdk.incubator.vector.FloatVector;
import org.optjit.baseline.Adam;

/**
 * {@link Adam} with the Vector API: both moments, the bias corrections (per-step scalars)
 * and the update in one pass.
 */
public final class VectorAdam extends VectorBaseline<Adam> {

    public VectorAdam(Adam scalar) {
        super(scalar);
    }

    @Override
    protected void vectorLoop(float[] w, float[] g, float[][] state, float[] u, int from, int bound) {
        float b1 = u[0];
        float keep1 = u[1];
        float b2 = u[2];
        float keep2 = u[3];
        float bias1 = u[4];
        float bias2 = u[5];
        float lr = u[6];
        float eps = u[7];
        float[] m = state[0];
        float[] v = state[1];
        for (int i = from; i < bound; i += SPECIES.length()) {
            FloatVector gv = FloatVector.fromArray(SPECIES, g, i);
            FloatVector mv = FloatVector.fromArray(SPECIES, m, i).mul(b1).add(gv.mul(keep1));
            FloatVector vv = FloatVector.fromArray(SPECIES, v, i).mul(b2).add(gv.mul(gv).mul(keep2));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector mHat = mv.div(bias1);
            FloatVector vHat = vv.div(bias2);
            FloatVector wv = FloatVector.fromArray(SPECIES, w, i);
            wv.sub(mHat.mul(lr).div(vHat.sqrt().add(eps))).intoArray(w, i);
        }
    }
}
