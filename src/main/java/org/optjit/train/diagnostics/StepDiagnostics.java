package org.optjit.train.diagnostics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.optjit.BranchCounter;
import org.optjit.Kernel;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;

/**
 * What an optimizer does at one step, per named range:
 * <ul>
 *   <li>{@code update_ratio.<range>}: ||Δw|| / ||w|| (the update-to-weight norm ratio; about
 *       1e-3 is the usual healthy size, Karpathy's rule of thumb);</li>
 *   <li>{@code state_norm.<state>.<range>}: the L2 norm of each state array after the step;</li>
 *   <li>{@code branch<k>.<range>}: the fraction of weights for which the rule's k-th
 *       per-weight condition held ({@link BranchCounter}; {@link #conditions()} names them).</li>
 * </ul>
 * {@link #before} is called with the step's inputs, {@link #after} with its results.
 */
public final class StepDiagnostics {

    private final List<NamedRange> ranges;
    private final BranchCounter branches;
    private float[] previous;
    private final Map<String, Double> branchValues = new LinkedHashMap<>();

    public StepDiagnostics(Kernel kernel, List<NamedRange> ranges) {
        this.ranges = List.copyOf(ranges);
        this.branches = new BranchCounter(kernel);
    }

    /** The conditions behind {@code branch<k>} (1-based k), as expressions. */
    public List<String> conditions() {
        return branches.conditions();
    }

    /** Before the step: keeps the weights and measures the branch fractions of the coming step. */
    public void before(float[] w, float[] g, OptimizerState s, IntFunction<Optimizer> optimizerAt) {
        previous = w.clone();
        branchValues.clear();
        for (NamedRange r : ranges) {
            double[] f = branches.fractions(optimizerAt.apply(r.from()), w, g, s, r.from(), r.to());
            for (int k = 0; k < f.length; k++) {
                branchValues.put("branch" + (k + 1) + "." + r.name(), f[k]);
            }
        }
    }

    /** After the step: every diagnostic, by field name, in a fixed order. */
    public Map<String, Double> after(float[] w, OptimizerState s) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (NamedRange r : ranges) {
            double du = 0;
            double ww = 0;
            for (int i = r.from(); i < r.to(); i++) {
                double d = (double) w[i] - previous[i];
                du += d * d;
                ww += (double) previous[i] * previous[i];
            }
            out.put("update_ratio." + r.name(), ww > 0 ? Math.sqrt(du / ww) : Double.NaN);
        }
        for (String state : s.names()) {
            float[] a = s.array(state);
            if (a.length != w.length) { // per tensor, row, column or group: one norm of all its values
                double sum = 0;
                for (float x : a) {
                    sum += (double) x * x;
                }
                out.put("state_norm." + state, Math.sqrt(sum));
                continue;
            }
            for (NamedRange r : ranges) {
                double sum = 0;
                for (int i = r.from(); i < r.to(); i++) {
                    sum += (double) a[i] * a[i];
                }
                out.put("state_norm." + state + "." + r.name(), Math.sqrt(sum));
            }
        }
        out.putAll(branchValues);
        return out;
    }
}
