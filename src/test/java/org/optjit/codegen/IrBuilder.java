package org.optjit.codegen;

import java.util.ArrayList;
import java.util.List;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;
import org.optjit.ir.Program;
import org.optjit.ir.StateVar;

/**
 * Builds per-weight bodies by hand for backend tests: each method appends one instruction
 * and returns its index. The prelude only declares the uniforms (their values are passed
 * to {@code run} directly by the tests).
 */
public final class IrBuilder {

    private final List<Insn> insns = new ArrayList<>();
    private final List<Output> outputs = new ArrayList<>();

    public int add(Insn insn) {
        insns.add(insn);
        return insns.size() - 1;
    }

    public int size() {
        return insns.size();
    }

    public int constant(double v) {
        return add(Insn.constant(v));
    }

    public int w() {
        return add(Insn.leaf(Op.LOAD_W, -1));
    }

    public int g() {
        return add(Insn.leaf(Op.LOAD_G, -1));
    }

    public int state(int slot) {
        return add(Insn.leaf(Op.LOAD_S, slot));
    }

    public int uniform(int slot) {
        return add(Insn.leaf(Op.UNIFORM, slot));
    }

    public int uniformBool(int slot) {
        return add(Insn.leaf(Op.UNIFORM_BOOL, slot));
    }

    public int unary(Op op, int a) {
        return add(Insn.unary(op, a));
    }

    public int binary(Op op, int a, int b) {
        return add(Insn.binary(op, a, b));
    }

    public int select(int c, int a, int b) {
        return add(Insn.select(c, a, b));
    }

    public IrBuilder storeW(int value) {
        outputs.add(new Output(Output.Target.WEIGHT, -1, value));
        return this;
    }

    public IrBuilder storeState(int slot, int value) {
        outputs.add(new Output(Output.Target.STATE, slot, value));
        return this;
    }

    /** The program, with {@code states} state arrays and {@code uniforms} uniforms. */
    public Program build(String name, int states, int uniforms) {
        List<StateVar> vars = new ArrayList<>();
        for (int k = 0; k < states; k++) {
            vars.add(new StateVar("s" + k, k, "0", false));
        }
        List<Insn> prelude = new ArrayList<>();
        List<Output> exports = new ArrayList<>();
        for (int k = 0; k < uniforms; k++) {
            prelude.add(Insn.constant(0));
            exports.add(new Output(Output.Target.EXPORT, k, k));
        }
        Block empty = new Block(List.of(), List.of());
        return new Program(name, List.of(), vars, List.of(), List.of(), new Block(prelude, exports),
                new Block(insns, outputs), empty, empty);
    }

    /** The body as text, one instruction a line, for failure messages. */
    public static String describe(Block body) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.size(); i++) {
            sb.append(i).append(": ").append(body.insn(i)).append('\n');
        }
        for (Output o : body.outputs()) {
            sb.append(o).append('\n');
        }
        return sb.toString();
    }
}
