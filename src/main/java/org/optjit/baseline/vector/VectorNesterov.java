package org.optjit.baseline.vector;

import jdk.incubator.vector.FloatVector;
import org.optjit.baseline.Nesterov;

/**
 * {@link Nesterov} with the Vector API:
 * {@code v_new = mu*v - eps*g; w += -mu*v + (1 + mu)*v_new; v = v_new}.
 */
public final class VectorNesterov extends VectorBaseline<Nesterov> {

    public VectorNesterov(Nesterov scalar) {
        super(scalar);
    }

    @Override
    protected void vectorLoop(float[] w, float[] g, float[][] state, float[] u, int from, int bound) {
        float mu = u[0];
        float eps = u[1];
        float minusMu = u[2];
        float onePlusMu = u[3];
        float[] v = state[0];
        for (int i = from; i < bound; i += SPECIES.length()) {
            FloatVector vv = FloatVector.fromArray(SPECIES, v, i);
            FloatVector vNew = vv.mul(mu).sub(FloatVector.fromArray(SPECIES, g, i).mul(eps));
            FloatVector wv = FloatVector.fromArray(SPECIES, w, i);
            wv.add(vv.mul(minusMu).add(vNew.mul(onePlusMu))).intoArray(w, i);
            vNew.intoArray(v, i);
        }
    }
}
