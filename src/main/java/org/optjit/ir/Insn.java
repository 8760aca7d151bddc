package org.optjit.ir;

/**
 * One instruction of a {@link Block}, in SSA form: it names its operands by their index in
 * the block, which is always smaller than its own (a block is in topological order).
 *
 * @param op    the operation
 * @param a     first operand index, or -1
 * @param b     second operand index, or -1
 * @param c     third operand index (only {@link Op#SELECT}), or -1
 * @param value the literal of {@link Op#CONST}, else 0
 * @param slot  hyperparameter, state or uniform number for the leaves that need one, else -1
 */
public record Insn(Op op, int a, int b, int c, double value, int slot) {

    public static Insn constant(double value) {
        return new Insn(Op.CONST, -1, -1, -1, value, -1);
    }

    public static Insn leaf(Op op, int slot) {
        return new Insn(op, -1, -1, -1, 0, slot);
    }

    public static Insn unary(Op op, int a) {
        return new Insn(op, a, -1, -1, 0, -1);
    }

    public static Insn binary(Op op, int a, int b) {
        return new Insn(op, a, b, -1, 0, -1);
    }

    public static Insn select(int cond, int ifTrue, int ifFalse) {
        return new Insn(Op.SELECT, cond, ifTrue, ifFalse, 0, -1);
    }

    /** Operand {@code k} (0, 1 or 2). */
    public int operand(int k) {
        return k == 0 ? a : k == 1 ? b : c;
    }
}
