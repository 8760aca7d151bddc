package org.optjit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The state of one optimizer for one weight array: the step count {@code t}, the layout of
 * the weights, and one float array per state variable of the rule: as long as the weights for
 * a per-weight state, else one value per tensor, row or column of the layout, or per group
 * (a state declared or inferred {@code all}). Exposed by name for checkpoints and inspection;
 * the arrays are live, not copies.
 */
public final class OptimizerState {

    private final String ruleName;
    private final String ruleIdentity;
    private final List<String> names;
    private final float[][] arrays;
    private final Layout layout;
    private long t;

    OptimizerState(String ruleName, String ruleIdentity, List<String> names, float[][] arrays, Layout layout) {
        this.ruleName = ruleName;
        this.ruleIdentity = ruleIdentity;
        this.names = List.copyOf(names);
        this.arrays = arrays;
        this.layout = layout;
    }

    /** The runtime's view of the layout and its buffers, made once per state. */
    private org.optjit.runtime.tensor.Geometry geometry;
    private float[][] buffers;

    org.optjit.runtime.tensor.Geometry geometry() {
        if (geometry == null) {
            geometry = new org.optjit.runtime.tensor.Geometry(layout);
        }
        return geometry;
    }

    private final org.optjit.runtime.tensor.Workspace workspace = new org.optjit.runtime.tensor.Workspace();

    /** The tensor runtime's per-worker memory (kept values), reused from step to step. */
    org.optjit.runtime.tensor.Workspace workspace() {
        return workspace;
    }

    /** {@code count} arrays as long as the weights, kept from step to step (orth's buffers). */
    float[][] buffers(int count) {
        if (buffers == null || buffers.length != count) {
            buffers = new float[count][layout.size()];
        }
        return buffers;
    }

    /** The layout of the weights this state is for. */
    public Layout layout() {
        return layout;
    }

    /** Steps taken so far: 0 for a new state; the next step runs with {@code t + 1}. */
    public long t() {
        return t;
    }

    /** Sets the step count, for restoring a checkpoint. */
    public void setT(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("t must be >= 0, got " + t);
        }
        this.t = t;
    }

    /**
     * Ends a step made of range updates ({@link Optimizer#step(float[], float[],
     * OptimizerState, int, int)}): {@code t += 1}.
     */
    public void advance() {
        t++;
    }

    /** The number of weights this state is for. */
    public int size() {
        return layout.size();
    }

    /** The names of the state arrays, in the rule's order. */
    public List<String> names() {
        return names;
    }

    /** The state array called {@code name} (live). */
    public float[] array(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new RuleException("rule '" + ruleName + "' has no state '" + name + "'"
                    + org.optjit.sema.Names.didYouMean(name, names)
                    + (names.isEmpty() ? " (it has no state)" : " (it has: " + String.join(", ", names) + ")"));
        }
        return arrays[i];
    }

    /** All state arrays in the rule's order (live). */
    public List<float[]> arrays() {
        List<float[]> out = new ArrayList<>();
        Collections.addAll(out, arrays);
        return out;
    }

    /** The name of the rule this state was made for. */
    public String ruleName() {
        return ruleName;
    }

    /** The digest of the compiled rule this state was made for ({@link org.optjit.ir.ProgramDigest}). */
    String ruleIdentity() {
        return ruleIdentity;
    }

    float[][] raw() {
        return arrays;
    }
}
