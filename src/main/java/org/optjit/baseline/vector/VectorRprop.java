package org.optjit.baseline.vector;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import org.optjit.baseline.Rprop;

/**
 * {@link Rprop} with the Vector API. The two branches become two compare masks on
 * {@code g * gprev} and two blends; {@code sign(g)} is {@code g} blended with +1 where
 * it is positive and -1 where it is negative, which leaves +0, -0 and NaN as they are,
 * exactly like {@code Math.signum}.
 */
public final class VectorRprop extends VectorBaseline<Rprop> {

    public VectorRprop(Rprop scalar) {
        super(scalar);
    }

    @Override
    protected void vectorLoop(float[] w, float[] g, float[][] state, float[] u, int from, int bound) {
        float up = u[0];
        float max = u[1];
        float down = u[2];
        float min = u[3];
        float[] step = state[0];
        float[] gprev = state[1];
        for (int i = from; i < bound; i += SPECIES.length()) {
            FloatVector gv = FloatVector.fromArray(SPECIES, g, i);
            FloatVector agree = gv.mul(FloatVector.fromArray(SPECIES, gprev, i));
            FloatVector s = FloatVector.fromArray(SPECIES, step, i);
            s = s.blend(s.mul(up).min(max), agree.compare(GT, 0f))
                 .blend(s.mul(down).max(min), agree.compare(LT, 0f));
            s.intoArray(step, i);
            VectorMask<Float> positive = gv.compare(GT, 0f);
            VectorMask<Float> negative = gv.compare(LT, 0f);
            FloatVector sign = gv.blend(1f, positive).blend(-1f, negative);
            FloatVector.fromArray(SPECIES, w, i).sub(sign.mul(s)).intoArray(w, i);
            gv.intoArray(gprev, i);
        }
    }
}
