package org.optjit.reference.tensor;

import java.util.Map;
import org.optjit.reference.ReferenceRule;

/**
 * A gradient transform followed by an element-wise rule: the reference of
 * {@code Rule.chain(transform, rule)}. The transforms here keep no state, so the state is
 * the rule's.
 */
final class Chain implements TensorReference {

    private final GradientTransform transform;
    private final ReferenceRule rule;

    Chain(GradientTransform transform, ReferenceRule rule) {
        this.transform = transform;
        this.rule = rule;
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        float[] transformed = g.clone();
        transform.apply(w, transformed, t);
        rule.step(w, transformed, t);
    }

    @Override
    public Map<String, float[]> state() {
        return rule.state();
    }
}
