package org.optjit.baseline.vector;

import java.util.List;
import org.optjit.baseline.AdaptiveGains;
import org.optjit.baseline.Adam;
import org.optjit.baseline.AdamW;
import org.optjit.baseline.Baseline;
import org.optjit.baseline.Baselines;
import org.optjit.baseline.Momentum;
import org.optjit.baseline.Nesterov;
import org.optjit.baseline.RmsProp;
import org.optjit.baseline.Rprop;
import org.optjit.baseline.Sgd;

/** The hand-written Vector API baselines. Loading this class needs {@code jdk.incubator.vector}. */
public final class VectorBaselines {

    private VectorBaselines() {
    }

    /** The Vector API version of a scalar baseline, with the same hyperparameters. */
    public static VectorBaseline<?> of(Baseline scalar) {
        if (scalar instanceof Sgd s) {
            return new VectorSgd(s);
        } else if (scalar instanceof Momentum s) {
            return new VectorMomentum(s);
        } else if (scalar instanceof Nesterov s) {
            return new VectorNesterov(s);
        } else if (scalar instanceof RmsProp s) {
            return new VectorRmsProp(s);
        } else if (scalar instanceof Adam s) {
            return new VectorAdam(s);
        } else if (scalar instanceof AdamW s) {
            return new VectorAdamW(s);
        } else if (scalar instanceof Rprop s) {
            return new VectorRprop(s);
        } else if (scalar instanceof AdaptiveGains s) {
            return new VectorAdaptiveGains(s);
        }
        throw new IllegalArgumentException("no vector baseline for " + scalar);
    }

    /** One per rule, at the defaults, in {@link Baselines#SCALAR} order. */
    public static List<VectorBaseline<?>> all() {
        return Baselines.SCALAR.stream().<VectorBaseline<?>>map(VectorBaselines::of).toList();
    }
}
