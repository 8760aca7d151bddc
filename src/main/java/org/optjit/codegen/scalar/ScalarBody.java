package org.optjit.codegen.scalar;

import java.util.Arrays;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.optjit.codegen.KernelClassWriter;
import org.optjit.codegen.LoopInputs;
import org.optjit.codegen.MethodEmitter;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;

/**
 * Emits one iteration of the scalar loop: the per-weight body, then its stores.
 *
 * <p>Shape. A value used once is emitted where it is used, as part of an expression tree
 * kept on the operand stack; a value used more than once, a {@link Op#SELECT} and every
 * value that is stored become a statement {@code v = ...} into a fresh local, in program
 * order. So {@code ms = d*ms + e*(g*g)} is one tree, as javac would emit it. Operations
 * have no side effects and never throw, so evaluating a tree later than its program
 * position changes nothing, with one exception that the stores take care of: every stored
 * value is in a local before the first store, so no load can see a store of the same
 * weight (Program: stores after all loads).
 *
 * <p>Branches. The only branches are the selects, emitted as a diamond between
 * statements, where the operand stack is empty: {@code if (!c) goto L1; r = a; goto L2;
 * L1: r = b; L2:}. A comparison used only as that condition becomes the jump itself (the
 * shape HotSpot turns into a conditional move); every other truth value is an int (see
 * {@link ScalarOps}). The selected operands are trees emitted inside their branch.
 *
 * <p>Which values are statements, and how a large body is cut into parts (one method
 * each), is decided by {@link StatementPlan}. In a part, a statement of an earlier part is
 * read back from the scratch array where that part left it.
 */
final class ScalarBody {

    /**
     * Where the arrays, the index and the scratch array are in the method being emitted, and
     * the int locals that relative arrays are indexed from: {@code from} for per-column values
     * and scratch, {@code origin} for kept values.
     */
    record Slots(int w, int g, int index, int scratch, int from, int origin) {
    }

    private final MethodEmitter m;
    private final StatementPlan plan;
    private final Block body;
    private final LoopInputs inputs;
    private final Slots slots;
    /** The local holding each statement's value in this method; -1 for trees and other parts. */
    private final int[] local;

    ScalarBody(MethodEmitter m, StatementPlan plan, LoopInputs inputs, Slots slots) {
        this.m = m;
        this.plan = plan;
        this.body = plan.info().body();
        this.inputs = inputs;
        this.slots = slots;
        this.local = new int[body.size()];
        Arrays.fill(local, -1);
    }

    /** Emits part {@code part}'s statements and, in the last part, the stores. */
    void emitPart(int part) {
        int[] range = plan.parts().get(part);
        boolean last = part == plan.parts().size() - 1;
        for (int i = range[0]; i < range[1]; i++) {
            if (plan.isStatement(i)) {
                statement(i);
                if (!last && plan.spillSlot(i) >= 0) {
                    spill(i);
                }
            }
        }
        if (!last) {
            return;
        }
        for (Output o : body.outputs()) {
            m.loadLocal(o.target() == Output.Target.WEIGHT ? slots.w() : inputs.state(o.slot()),
                    KernelClassWriter.FLOAT_ARRAY);
            index(switch (o.target()) {
                case SCRATCH -> slots.from();
                case KEPT -> slots.origin();
                default -> -1;
            });
            value(o.value());
            m.arrayStore(Type.FLOAT_TYPE);
        }
    }

    /** scratch[slot] = the statement's value (a truth value as 1f or 0f). */
    private void spill(int i) {
        m.loadLocal(slots.scratch(), KernelClassWriter.FLOAT_ARRAY);
        m.push(plan.spillSlot(i));
        m.loadLocal(local[i], typeOf(i));
        if (plan.info().isBool(i)) {
            m.insn(Opcodes.I2F);
        }
        m.arrayStore(Type.FLOAT_TYPE);
    }

    private void unspill(int i) {
        m.loadLocal(slots.scratch(), KernelClassWriter.FLOAT_ARRAY);
        m.push(plan.spillSlot(i));
        m.arrayLoad(Type.FLOAT_TYPE);
        if (plan.info().isBool(i)) {
            m.insn(Opcodes.F2I);
        }
    }

    private Type typeOf(int i) {
        return plan.info().isBool(i) ? Type.INT_TYPE : Type.FLOAT_TYPE;
    }

    private void statement(int i) {
        Insn in = body.insn(i);
        Type type = typeOf(i);
        if (in.op() != Op.SELECT) {
            tree(i);
            local[i] = m.newLocal(type);
            m.storeLocal(local[i], type);
            return;
        }
        int before = m.localCount();
        int r = m.newLocal(type);
        Label otherwise = new Label();
        Label done = new Label();
        jumpIfFalse(in.a(), otherwise);
        value(in.b());
        m.storeLocal(r, type);
        m.goTo(done);
        m.mark(otherwise, before); // r is not yet assigned on the path that jumps here
        value(in.c());
        m.storeLocal(r, type);
        m.mark(done, before + 1);
        local[i] = r;
    }

    private void jumpIfFalse(int cond, Label target) {
        Op op = body.insn(cond).op();
        if (!plan.isStatement(cond) && op.isComparison()) {
            Insn in = body.insn(cond);
            value(in.a());
            value(in.b());
            m.insn(ScalarOps.compareInsn(op));
            m.ifZCmp(ScalarOps.jumpIfFalse(op), target);
        } else {
            value(cond);
            m.ifZCmp(Opcodes.IFEQ, target);
        }
    }

    /** Pushes the value of instruction {@code i}: its local, or its tree. */
    private void value(int i) {
        if (local[i] >= 0) {
            m.loadLocal(local[i], typeOf(i));
        } else if (plan.isStatement(i)) {
            unspill(i); // a statement not in this method: an earlier part's
        } else {
            tree(i);
        }
    }

    private void tree(int i) {
        Insn in = body.insn(i);
        Op op = in.op();
        switch (op) {
            case CONST: m.push((float) in.value()); return;
            case LOAD_W: loadElement(slots.w()); return;
            case LOAD_G: loadElement(slots.g()); return;
            case LOAD_S: loadElement(inputs.state(in.slot())); return;
            case LOAD_R: case LOAD_K:
                m.loadLocal(inputs.state(in.slot()), KernelClassWriter.FLOAT_ARRAY);
                index(op == Op.LOAD_R ? slots.from() : slots.origin());
                m.arrayLoad(Type.FLOAT_TYPE);
                return;
            case UNIFORM: m.loadLocal(inputs.uniform(in.slot()), Type.FLOAT_TYPE); return;
            case UNIFORM_BOOL: m.loadLocal(inputs.boolUniform(in.slot()), Type.INT_TYPE); return;
            case SELECT: throw new IllegalStateException("a select is always a statement");
            default: break;
        }
        for (int k = 0; k < op.arity(); k++) {
            value(in.operand(k));
        }
        if (op.isComparison()) {
            ScalarOps.comparisonValue(m, op);
        } else if (op.isLogic()) {
            ScalarOps.logic(m, op);
        } else {
            ScalarOps.numeric(m, op);
        }
    }

    /** The weight's index, or its index from the int local {@code start} (-1: none). */
    private void index(int start) {
        m.loadLocal(slots.index(), Type.INT_TYPE);
        if (start >= 0) {
            m.loadLocal(start, Type.INT_TYPE);
            m.math(Opcodes.ISUB, Type.INT_TYPE);
        }
    }

    private void loadElement(int arrayLocal) {
        m.loadLocal(arrayLocal, KernelClassWriter.FLOAT_ARRAY);
        m.loadLocal(slots.index(), Type.INT_TYPE);
        m.arrayLoad(Type.FLOAT_TYPE);
    }
}
