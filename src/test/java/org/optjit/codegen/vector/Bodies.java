package org.optjit.codegen.vector;

import java.util.ArrayList;
import java.util.List;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;
import org.optjit.ir.Program;

/** Builds per-weight bodies by hand, instruction by instruction, for backend tests. */
final class Bodies {

    private final List<Insn> insns = new ArrayList<>();
    private final List<Output> outputs = new ArrayList<>();

    int add(Insn in) {
        insns.add(in);
        return insns.size() - 1;
    }

    int leaf(Op op, int slot) {
        return add(Insn.leaf(op, slot));
    }

    int constant(double v) {
        return add(Insn.constant(v));
    }

    int unary(Op op, int a) {
        return add(Insn.unary(op, a));
    }

    int binary(Op op, int a, int b) {
        return add(Insn.binary(op, a, b));
    }

    int select(int c, int t, int f) {
        return add(Insn.select(c, t, f));
    }

    Bodies storeW(int value) {
        outputs.add(new Output(Output.Target.WEIGHT, -1, value));
        return this;
    }

    Bodies storeS(int slot, int value) {
        outputs.add(new Output(Output.Target.STATE, slot, value));
        return this;
    }

    Block block() {
        return new Block(insns, outputs);
    }

    /** A program with this body and nothing else (uniforms are supplied directly by tests). */
    Program program(String name) {
        return program(name, block());
    }

    static Program program(String name, Block body) {
        Block empty = new Block(List.of(), List.of());
        return new Program(name, List.of(), List.of(), List.of(), List.of(), empty, body, empty, empty);
    }
}
