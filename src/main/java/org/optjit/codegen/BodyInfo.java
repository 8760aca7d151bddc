package org.optjit.codegen;

import java.util.BitSet;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;

/**
 * What an emitter needs to know about a per-weight body before emitting it: which
 * instructions are live (reach an output), how often each live value is used, which are
 * truth values, and which state arrays and uniforms the loop touches. It also checks that
 * the body is well formed (SSA order, operand types), so an emitter never produces a
 * class that fails verification because of a malformed program.
 */
public final class BodyInfo {

    private final Block body;
    private final int[] uses;
    private final boolean[] bool;
    private final boolean[] live;
    private final BitSet states = new BitSet();
    private final BitSet uniforms = new BitSet();
    private final BitSet boolUniforms = new BitSet();
    private int liveCount;

    private BodyInfo(Block body) {
        this.body = body;
        int n = body.size();
        uses = new int[n];
        bool = new boolean[n];
        live = new boolean[n];
    }

    /** @throws IllegalArgumentException when the body is not a well-formed per-weight block */
    public static BodyInfo of(Block body) {
        BodyInfo info = new BodyInfo(body);
        info.typeCheck();
        info.countUses();
        return info;
    }

    private void typeCheck() {
        for (int i = 0; i < body.size(); i++) {
            Insn in = body.insn(i);
            Op op = in.op();
            if (op == Op.HYPER || op == Op.STEP || op == Op.FLOAT) {
                throw malformed(i, "a prelude operation in a per-weight block");
            }
            for (int k = 0; k < op.arity(); k++) {
                int a = in.operand(k);
                if (a < 0 || a >= i) {
                    throw malformed(i, "operand " + k + " is not an earlier instruction");
                }
            }
            boolean operandsBool = op.isLogic() || op == Op.SELECT;
            for (int k = 0; k < op.arity(); k++) {
                boolean wanted = op == Op.SELECT ? k == 0 || bool[in.b()] : operandsBool;
                if (bool[in.operand(k)] != wanted) {
                    throw malformed(i, "operand " + k + " should be a " + (wanted ? "truth value" : "number"));
                }
            }
            bool[i] = op == Op.SELECT ? bool[in.b()] : op.type() == Op.Type.BOOL;
        }
        for (Output o : body.outputs()) {
            if (o.target() == Output.Target.EXPORT) {
                throw new IllegalArgumentException("a per-weight block cannot export: " + o);
            }
            if (o.target() != Output.Target.WEIGHT && o.slot() < 0) {
                throw new IllegalArgumentException("a state store without a state slot: " + o);
            }
            if (o.value() < 0 || o.value() >= body.size() || bool[o.value()]) {
                throw new IllegalArgumentException("output does not store a number: " + o);
            }
        }
    }

    private IllegalArgumentException malformed(int index, String problem) {
        return new IllegalArgumentException("malformed per-weight block at " + index + " (" + body.insn(index)
                + "): " + problem);
    }

    private void countUses() {
        for (Output o : body.outputs()) {
            live[o.value()] = true;
            uses[o.value()]++;
            if (o.target() != Output.Target.WEIGHT) {
                states.set(o.slot());
            }
        }
        for (int i = body.size() - 1; i >= 0; i--) {
            if (!live[i]) {
                continue;
            }
            liveCount++;
            Insn in = body.insn(i);
            for (int k = 0; k < in.op().arity(); k++) {
                live[in.operand(k)] = true;
                uses[in.operand(k)]++;
            }
            switch (in.op()) {
                case LOAD_S: case LOAD_R: case LOAD_K: states.set(in.slot()); break;
                case UNIFORM: uniforms.set(in.slot()); break;
                case UNIFORM_BOOL: boolUniforms.set(in.slot()); break;
                default: break;
            }
        }
    }

    public Block body() {
        return body;
    }

    /** Whether instruction {@code i} contributes to an output. */
    public boolean isLive(int i) {
        return live[i];
    }

    /** How many live instructions and outputs read instruction {@code i}. */
    public int uses(int i) {
        return uses[i];
    }

    /** Whether instruction {@code i} is a truth value (else a number). */
    public boolean isBool(int i) {
        return bool[i];
    }

    /** The number of live instructions. */
    public int liveCount() {
        return liveCount;
    }

    /** State slots the loop loads or stores. */
    public BitSet states() {
        return (BitSet) states.clone();
    }

    /** Uniform slots read as numbers ({@link Op#UNIFORM}). */
    public BitSet uniforms() {
        return (BitSet) uniforms.clone();
    }

    /** Uniform slots read as truth values ({@link Op#UNIFORM_BOOL}). */
    public BitSet boolUniforms() {
        return (BitSet) boolUniforms.clone();
    }
}
