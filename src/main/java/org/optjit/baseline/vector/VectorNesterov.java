package org.optjit.baseline.vector;

import jdk.incubator.vector.FloatVector;
import org.optjit.baseline.Nesterov;

/**
 * {@link Nesterov} with the Vector API:
 * {@code v_new = mu*v - lr*g; w += mu*v_new - lr*g; v = v_new}.
 */
public final class VectorNesterov extends VectorBaseline<Nesterov> {

    public VectorNesterov(Nesterov scalar) {
        super(scalar);
    }

    @Override
    protected void vectorLoop(float[] w, float[] g, float[][] state, float[] u, int from, int bound) {
        float mu = u[0];
        float lr = u[1];
        float[] v = state[0];
        for (int i = from; i < bound; i += SPECIES.length()) {
            FloatVector step = FloatVector.fromArray(SPECIES, g, i).mul(lr);
            FloatVector vNew = FloatVector.fromArray(SPECIES, v, i).mul(mu).sub(step);
            FloatVector wv = FloatVector.fromArray(SPECIES, w, i);
            wv.add(vNew.mul(mu).sub(step)).intoArray(w, i);
            vNew.intoArray(v, i);
        }
    }
}
