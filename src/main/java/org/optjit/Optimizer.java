package org.optjit;

import java.util.List;
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
    private int threads = StepRunner.defaultThreads();

    Optimizer(Kernel kernel, double[] hypers) {
        this.kernel = kernel;
        this.program = kernel.rule().program();
        this.hypers = hypers;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** Sets a hyperparameter for the following steps. */
    public Optimizer set(String name, double value) {
        int slot = slot(name);
        String bad = org.optjit.ir.FiniteValues.problem(name, value);
        if (bad != null) {
            throw new RuleException(bad);
        }
        hypers[slot] = value;
        return this;
    }

    /** The current value of a hyperparameter. */
    public double get(String name) {
        return hypers[slot(name)];
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

    /** A new state for {@code w}: {@code t = 0} and every state array at its initial value. */
    public OptimizerState newState(float[] w) {
        List<StateVar> vars = program.states();
        float[][] arrays = new float[vars.size()][w.length];
        float[] uniforms = Interpreter.uniforms(program.initPrelude(), hypers, 0, program.initUniformCount());
        new Interpreter(program.init()).run(w.clone(), null, arrays, uniforms, 0, w.length);
        OptimizerState s = new OptimizerState(program.name(), kernel.rule().identity(), vars.stream().map(StateVar::name).toList(), arrays);
        s.setSizeWithoutArrays(w.length);
        return s;
    }

    /** One step over all weights: {@code w} and the state are updated, then {@code t += 1}. */
    public void step(float[] w, float[] g, OptimizerState s) {
        check(w, g, s);
        step(w, g, s, 0, w.length);
        s.advance();
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
        float[] uniforms = Interpreter.uniforms(program.prelude(), hypers, s.t() + 1, program.uniformCount());
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
