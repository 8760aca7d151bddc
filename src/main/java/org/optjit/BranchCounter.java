package org.optjit;

import java.util.ArrayList;
import java.util.List;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Block;
import org.optjit.ir.Hyper;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;
import org.optjit.ir.Program;

/**
 * Which way a rule's per-weight conditions go: for every condition the compiled body
 * selects on ({@code if}, {@code ?:}, and powers of a sign, which compile to selects), the
 * fraction of weights in a range for which it holds, with the inputs of the coming step.
 * A diagnostic for conditional and sign-based rules (rprop, adaptive gains, PowerSign):
 * it shows how often each branch is taken as training goes on.
 *
 * <p>It runs the reference interpreter over a copy of the body whose only outputs are the
 * conditions (as 1 or 0, into scratch arrays), so it changes neither weights nor state.
 */
public final class BranchCounter {

    private final Program program;
    private final List<Integer> conditions = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final Interpreter probe;

    /** The counter for a compiled rule; {@link #conditions()} is empty when the rule has no per-weight condition. */
    public BranchCounter(Kernel kernel) {
        this.program = kernel.rule().program();
        Block body = program.body();
        // A rule over tensors reads coarse values the prelude alone cannot give: counted only element-wise.
        for (Insn in : program.elementWise() ? body.insns() : List.<Insn>of()) {
            if (in.op() == Op.SELECT && body.insn(in.a()).op() != Op.UNIFORM_BOOL && !conditions.contains(in.a())) {
                conditions.add(in.a());
                labels.add(org.optjit.ir.IrExpression.of(program, body, in.a()));
            }
        }
        List<Insn> insns = new ArrayList<>(body.insns());
        int one = insns.size();
        insns.add(Insn.constant(1));
        insns.add(Insn.constant(0));
        List<Output> outputs = new ArrayList<>();
        int states = program.states().size();
        for (int k = 0; k < conditions.size(); k++) {
            insns.add(Insn.select(conditions.get(k), one, one + 1));
            outputs.add(new Output(Output.Target.STATE, states + k, insns.size() - 1));
        }
        this.probe = new Interpreter(new Block(insns, outputs));
    }

    /** Each condition as an expression over w, g, state, hyperparameters and uniforms ({@code u<k>}). */
    public List<String> conditions() {
        return List.copyOf(labels);
    }

    /**
     * The fraction of weights in {@code [from, to)} for which each condition holds, at the
     * step {@code o} would take next on {@code s}.
     */
    public double[] fractions(Optimizer o, float[] w, float[] g, OptimizerState s, int from, int to) {
        double[] out = new double[conditions.size()];
        if (out.length == 0 || to <= from) {
            return out;
        }
        float[][] state = s.raw();
        float[][] arrays = new float[state.length + out.length][];
        System.arraycopy(state, 0, arrays, 0, state.length);
        for (int k = 0; k < out.length; k++) {
            arrays[state.length + k] = new float[w.length];
        }
        double[] hypers = new double[program.hypers().size()];
        for (Hyper h : program.hypers()) {
            hypers[h.slot()] = o.get(h.name());
        }
        float[] uniforms = Interpreter.uniforms(program.prelude(), hypers, s.t() + 1, program.uniformCount());
        probe.run(w, g, arrays, uniforms, from, to);
        for (int k = 0; k < out.length; k++) {
            float[] taken = arrays[state.length + k];
            long n = 0;
            for (int i = from; i < to; i++) {
                n += taken[i] != 0 ? 1 : 0;
            }
            out[k] = (double) n / (to - from);
        }
        return out;
    }
}
