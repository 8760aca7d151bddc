package org.optjit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optjit.ir.Output;
import org.optjit.runtime.tensor.Geometry;
import org.optjit.runtime.tensor.TensorStep;
import org.optjit.sema.Shape;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Hyper;
import org.optjit.ir.Program;
import org.optjit.ir.StateVar;
import org.optjit.runtime.StepRunner;

/**
 * A compiled rule bound to hyperparameter values. Hyperparameters can be changed between
 * steps without recompiling. Not thread-safe: one thread steps an optimizer at a time
 * (the step itself may use several threads, see {@link #threads(int)}).
 */
public final class Optimizer {

    private final Kernel kernel;
    private final Program program;
    private final double[] hypers;
    /** Per-group values, by group name: only what the group sets itself, by slot. */
    private final Map<String, Map<Integer, Double>> groupHypers = new LinkedHashMap<>();
    private int threads = StepRunner.defaultThreads();

    Optimizer(Kernel kernel, double[] hypers) {
        this.kernel = kernel;
        this.program = kernel.rule().program();
        this.hypers = hypers;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** Sets a hyperparameter for the following steps, in every group that does not set its own. */
    public Optimizer set(String name, double value) {
        int slot = slot(name);
        String bad = org.optjit.ir.FiniteValues.problem(name, value);
        if (bad != null) {
            throw new RuleException(bad);
        }
        hypers[slot] = value;
        return this;
    }

    /**
     * Sets a hyperparameter for the tensors of one parameter group of the layout (e.g.
     * {@code set("no_decay", "weight_decay", 0)}); other groups keep theirs.
     */
    public Optimizer set(String group, String name, double value) {
        int slot = slot(name);
        String badValue = org.optjit.ir.FiniteValues.problem(name, value);
        if (badValue != null) {
            throw new RuleException(badValue);
        }
        groupHypers.computeIfAbsent(group, k -> new LinkedHashMap<>()).put(slot, value);
        return this;
    }

    /** The current value of a hyperparameter. */
    public double get(String name) {
        return hypers[slot(name)];
    }

    /** The current value of a hyperparameter in a group. */
    public double get(String group, String name) {
        return hypers(group)[slot(name)];
    }

    /** The values a group's tensors see: the optimizer's, with what the group sets itself. */
    private double[] hypers(String group) {
        Map<Integer, Double> own = groupHypers.get(group);
        if (own == null) {
            return hypers;
        }
        double[] h = hypers.clone();
        own.forEach((slot, value) -> h[slot] = value);
        return h;
    }

    /** The hyperparameter names, in the rule's order. */
    public List<String> hyperparameterNames() {
        return Kernel.hyperNames(program);
    }

    private int slot(String name) {
        int s = Kernel.slotOf(program, name);
        if (s < 0) {
            throw new RuleException("unknown hyperparameter '" + name + "'"
                    + org.optjit.sema.Names.didYouMean(name, Kernel.hyperNames(program)));
        }
        return s;
    }

    /**
     * How many threads a step may use (default: the system property {@code optjit.threads},
     * else the available processors). Results are bit-identical for any number.
     */
    public Optimizer threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        this.threads = n;
        return this;
    }

    public int threads() {
        return threads;
    }

    /**
     * A new state for {@code w} as one vector tensor ({@link Layout#vector(int)}):
     * {@code t = 0} and every state array at its initial value.
     */
    public OptimizerState newState(float[] w) {
        return newState(w, Layout.vector(w.length));
    }

    /**
     * A new state for weights with structure: {@code t = 0} and every state array at its
     * initial value (each group's hyperparameters for its tensors).
     *
     * @throws IllegalArgumentException when {@code w.length != layout.size()}
     */
    public OptimizerState newState(float[] w, Layout layout) {
        if (w.length != layout.size()) {
            throw new IllegalArgumentException("the weights have " + w.length + " values, the layout " + layout.size());
        }
        Geometry geo = new Geometry(layout);
        List<StateVar> vars = program.states();
        float[][] arrays = new float[vars.size()][];
        for (StateVar v : vars) {
            arrays[v.slot()] = new float[geo.extent(v.shape())];
        }
        float[] copy = w.clone();
        for (Layout.Tensor t : layout.tensors()) {
            double[] h = hypers(t.group());
            float[] uniforms = Interpreter.uniforms(program.initPrelude(), h, 0, program.initUniformCount());
            new Interpreter(program.init()).run(copy, null, arrays, uniforms, t.offset(), t.end());
        }
        for (Output o : program.initPrelude().outputs()) {
            if (o.target() == Output.Target.STATE) {
                float[] into = arrays[o.slot()];
                Shape shape = vars.get(o.slot()).shape();
                for (int e = 0; e < into.length; e++) {
                    String group = layout.groups().get(geo.groupOf(shape, e));
                    into[e] = (float) Interpreter.evalPrelude(program.initPrelude(), hypers(group), 0)[o.value()];
                }
            }
        }
        return new OptimizerState(program.name(), kernel.rule().identity(), vars.stream().map(StateVar::name).toList(),
                arrays, layout);
    }

    /** One step over all weights: {@code w} and the state are updated, then {@code t += 1}. */
    public void step(float[] w, float[] g, OptimizerState s) {
        check(w, g, s);
        TensorStep tensors = kernel.tensorStep();
        if (tensors != null) {
            Layout layout = s.layout();
            double[][] h = new double[layout.groups().size()][];
            for (int k = 0; k < h.length; k++) {
                h[k] = hypers(layout.groups().get(k));
            }
            tensors.step(s.geometry(), w, g, s.raw(), s.buffers(tensors.plan().buffers()), h, s.t() + 1, threads);
        } else if (groupHypers.isEmpty()) {
            step(w, g, s, 0, w.length);
        } else {
            for (Layout.Tensor t : s.layout().tensors()) {
                range(w, g, s, t.offset(), t.end(), hypers(t.group()));
            }
        }
        s.advance();
    }

    /**
     * The weights to evaluate the model with ({@code evaluate e} in the rule, e.g. an
     * average of the weights), written to {@code out}; the weights themselves when the rule
     * says nothing.
     */
    public void evalWeights(float[] w, OptimizerState s, float[] out) {
        check(w, w, s);
        if (out.length != w.length) {
            throw new IllegalArgumentException("out has " + out.length + " values, the weights " + w.length);
        }
        System.arraycopy(w, 0, out, 0, w.length);
        Program.Evaluation e = program.evaluate();
        if (e == null) {
            return;
        }
        for (Layout.Tensor t : s.layout().tensors()) {
            float[] uniforms = Interpreter.uniforms(e.prelude(), hypers(t.group()), s.t(), exportCount(e.prelude()));
            new Interpreter(e.body()).run(out, null, s.raw(), uniforms, t.offset(), t.end());
        }
    }

    private static int exportCount(org.optjit.ir.Block prelude) {
        int n = 0;
        for (Output o : prelude.outputs()) {
            if (o.target() == Output.Target.EXPORT) {
                n = Math.max(n, o.slot() + 1);
            }
        }
        return n;
    }

    /**
     * Updates only the weights {@code [from, to)} with this optimizer's hyperparameters, at
     * step number {@code s.t() + 1}, and does not advance {@code t}: for parameter groups
     * that share one flat array and one state. Call {@link OptimizerState#advance()} once
     * after all groups of a step.
     */
    public void step(float[] w, float[] g, OptimizerState s, int from, int to) {
        check(w, g, s);
        if (from < 0 || to > w.length || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is not within 0.." + w.length);
        }
        if (kernel.tensorStep() != null) {
            throw new IllegalArgumentException("rule '" + program.name() + "' works on whole tensors; step all weights"
                    + " at once and give groups their values with set(group, name, value)");
        }
        range(w, g, s, from, to, hypers);
    }

    private void range(float[] w, float[] g, OptimizerState s, int from, int to, double[] h) {
        float[] uniforms = Interpreter.uniforms(program.prelude(), h, s.t() + 1, program.uniformCount());
        StepRunner.run(kernel.loop(), w, g, s.raw(), uniforms, from, to, threads);
    }

    private void check(float[] w, float[] g, OptimizerState s) {
        if (w.length != g.length) {
            throw new IllegalArgumentException("weights and gradients differ in length: "
                    + w.length + " and " + g.length);
        }
        if (s.size() != w.length) {
            throw new IllegalArgumentException("state was made for " + s.size() + (s.size() == 1 ? " weight" : " weights") + ", not "
                    + w.length);
        }
        // Identity by compiled program, not by name: two parsed strings are both called 'rule'.
        if (!s.ruleIdentity().equals(kernel.rule().identity())) {
            throw new IllegalArgumentException("state was made for another rule ('" + s.ruleName() + "', program "
                    + s.ruleIdentity().substring(0, 12) + "), not for '" + program.name() + "' (program "
                    + kernel.rule().identity().substring(0, 12) + ")");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Optimizer[" + program.name() + ", " + kernel.backend());
        for (Hyper h : program.hypers()) {
            sb.append(", ").append(h.name()).append('=').append(hypers[h.slot()]);
        }
        return sb.append(']').toString();
    }
}
