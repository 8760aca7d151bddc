package org.optjit.codegen.scalar;

import java.util.Arrays;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.optjit.codegen.BodyInfo;
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
 * <p>Trees are at most {@link #MAX_TREE_DEPTH} deep (deeper ones are cut into statements),
 * which bounds both the emitter's recursion and the operand stack, whatever the rule.
 */
final class ScalarBody {

    static final int MAX_TREE_DEPTH = 48;

    private final MethodEmitter m;
    private final BodyInfo info;
    private final Block body;
    private final LoopInputs inputs;
    private final int index;
    /** The local holding each statement's value; -1 for values emitted as trees. */
    private final int[] local;

    ScalarBody(MethodEmitter m, BodyInfo info, LoopInputs inputs, int index) {
        this.m = m;
        this.info = info;
        this.body = info.body();
        this.inputs = inputs;
        this.index = index;
        this.local = new int[body.size()];
        Arrays.fill(local, -1);
    }

    void emit() {
        boolean[] statement = planStatements();
        for (int i = 0; i < body.size(); i++) {
            if (statement[i]) {
                statement(i);
            }
        }
        for (Output o : body.outputs()) {
            m.loadLocal(o.target() == Output.Target.WEIGHT ? KernelClassWriter.W : inputs.state(o.slot()),
                    KernelClassWriter.FLOAT_ARRAY);
            m.loadLocal(index, Type.INT_TYPE);
            value(o.value());
            m.arrayStore(Type.FLOAT_TYPE);
        }
    }

    /** Which live values become statements; see the class comment. */
    private boolean[] planStatements() {
        int n = body.size();
        boolean[] statement = new boolean[n];
        boolean[] stored = new boolean[n];
        for (Output o : body.outputs()) {
            stored[o.value()] = true;
        }
        int[] depth = new int[n];
        for (int i = 0; i < n; i++) {
            if (!info.isLive(i)) {
                continue;
            }
            Insn in = body.insn(i);
            if (in.op().arity() == 0 && in.op() != Op.LOAD_W && in.op() != Op.LOAD_G && in.op() != Op.LOAD_S) {
                continue; // a constant or a uniform's local: as cheap to repeat as to keep
            }
            int d = 1;
            for (int k = 0; k < in.op().arity(); k++) {
                int a = in.operand(k);
                d = Math.max(d, statement[a] ? 1 : depth[a] + 1);
            }
            depth[i] = d;
            statement[i] = info.uses(i) > 1 || stored[i] || in.op() == Op.SELECT || d >= MAX_TREE_DEPTH;
        }
        return statement;
    }

    private Type typeOf(int i) {
        return info.isBool(i) ? Type.INT_TYPE : Type.FLOAT_TYPE;
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
        if (local[cond] < 0 && op.isComparison()) {
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
        } else {
            tree(i);
        }
    }

    private void tree(int i) {
        Insn in = body.insn(i);
        Op op = in.op();
        switch (op) {
            case CONST: m.push((float) in.value()); return;
            case LOAD_W: loadElement(KernelClassWriter.W); return;
            case LOAD_G: loadElement(KernelClassWriter.G); return;
            case LOAD_S: loadElement(inputs.state(in.slot())); return;
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

    private void loadElement(int arrayLocal) {
        m.loadLocal(arrayLocal, KernelClassWriter.FLOAT_ARRAY);
        m.loadLocal(index, Type.INT_TYPE);
        m.arrayLoad(Type.FLOAT_TYPE);
    }
}
