package org.optjit.baseline.vector;

import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.FloatVector;
import org.optjit.baseline.AdaptiveGains;

/**
 * {@link AdaptiveGains} with the Vector API: both gain updates are computed and the sign
 * agreement of {@code g} and {@code gprev} selects one with a mask; the clip is
 * {@code max} then {@code min}.
 */
public final class VectorAdaptiveGains extends VectorBaseline<AdaptiveGains> {

    public VectorAdaptiveGains(AdaptiveGains scalar) {
        super(scalar);
    }

    @Override
    protected void vectorLoop(float[] w, float[] g, float[][] state, float[] u, int from, int bound) {
        float up = u[0];
        float down = u[1];
        float lo = u[2];
        float hi = u[3];
        float eps = u[4];
        float[] gain = state[0];
        float[] gprev = state[1];
        for (int i = from; i < bound; i += SPECIES.length()) {
            FloatVector gv = FloatVector.fromArray(SPECIES, g, i);
            FloatVector k = FloatVector.fromArray(SPECIES, gain, i);
            k = k.mul(down).blend(k.add(up), gv.mul(FloatVector.fromArray(SPECIES, gprev, i)).compare(GT, 0f));
            k = k.max(lo).min(hi);
            k.intoArray(gain, i);
            FloatVector.fromArray(SPECIES, w, i).sub(k.mul(eps).mul(gv)).intoArray(w, i);
            gv.intoArray(gprev, i);
        }
    }
}
