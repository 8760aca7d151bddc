package org.optjit.baseline.vector;

import jdk.incubator.vector.FloatVector;
import org.optjit.baseline.Sgd;

/** {@link Sgd} with the Vector API: {@code w -= eps * g}. */
public final class VectorSgd extends VectorBaseline<Sgd> {

    public VectorSgd(Sgd scalar) {
        super(scalar);
    }

    @Override
    protected void vectorLoop(float[] w, float[] g, float[][] state, float[] u, int from, int bound) {
        float eps = u[0];
        for (int i = from; i < bound; i += SPECIES.length()) {
            FloatVector wv = FloatVector.fromArray(SPECIES, w, i);
            FloatVector gv = FloatVector.fromArray(SPECIES, g, i);
            wv.sub(gv.mul(eps)).intoArray(w, i);
        }
    }
}
