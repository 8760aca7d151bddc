package org.optjit.ir;

import java.util.List;

/**
 * A straight-line block of SSA instructions and its outputs. Control flow of the source
 * ({@code if}/{@code else}, {@code ?:}) has been converted to {@link Op#SELECT}s: every
 * operation is free of side effects and never throws, so evaluating both branches and
 * selecting gives exactly the value that branching would.
 */
public record Block(List<Insn> insns, List<Output> outputs) {

    public Block {
        insns = List.copyOf(insns);
        outputs = List.copyOf(outputs);
    }

    public Insn insn(int index) {
        return insns.get(index);
    }

    public int size() {
        return insns.size();
    }
}
