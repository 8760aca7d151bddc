package org.optjit.baseline.vector;

import jdk.incubator.vector.FloatVector;
import org.optjit.baseline.RmsProp;

/**
 * {@link RmsProp} with the Vector API:
 * {@code ms = decay*ms + (1-decay)*g^2; w -= eps*g / (sqrt(ms) + delta)}.
 */
public final class VectorRmsProp extends VectorBaseline<RmsProp> {

    public VectorRmsProp(RmsProp scalar) {
        super(scalar);
    }

    @Override
    protected void vectorLoop(float[] w, float[] g, float[][] state, float[] u, int from, int bound) {
        float decay = u[0];
        float keep = u[1];
        float eps = u[2];
        float delta = u[3];
        float[] ms = state[0];
        for (int i = from; i < bound; i += SPECIES.length()) {
            FloatVector gv = FloatVector.fromArray(SPECIES, g, i);
            FloatVector m = FloatVector.fromArray(SPECIES, ms, i).mul(decay).add(gv.mul(gv).mul(keep));
            m.intoArray(ms, i);
            FloatVector wv = FloatVector.fromArray(SPECIES, w, i);
            wv.sub(gv.mul(eps).div(m.sqrt().add(delta))).intoArray(w, i);
        }
    }
}
