package org.optjit.baseline.vector;

import jdk.incubator.vector.FloatVector;
import org.optjit.baseline.Momentum;

/** {@link Momentum} with the Vector API: {@code v = mu*v - eps*g; w += v}. */
public final class VectorMomentum extends VectorBaseline<Momentum> {

    public VectorMomentum(Momentum scalar) {
        super(scalar);
    }

    @Override
    protected void vectorLoop(float[] w, float[] g, float[][] state, float[] u, int from, int bound) {
        float mu = u[0];
        float eps = u[1];
        float[] v = state[0];
        for (int i = from; i < bound; i += SPECIES.length()) {
            FloatVector gv = FloatVector.fromArray(SPECIES, g, i);
            FloatVector vv = FloatVector.fromArray(SPECIES, v, i).mul(mu).sub(gv.mul(eps));
            vv.intoArray(v, i);
            FloatVector.fromArray(SPECIES, w, i).add(vv).intoArray(w, i);
        }
    }
}
