package org.optjit.codegen.scalar;

import java.util.ArrayList;
import java.util.List;
import org.optjit.codegen.BodyInfo;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;

/**
 * How {@link ScalarBody} lays out a per-weight body: which values become statements
 * ({@code v = ...} into a local) rather than parts of an expression tree, and, for a large
 * body, how the statements are cut into parts, each emitted as a method of its own.
 *
 * <p>A value is a statement when it is used more than once, stored, a {@link Op#SELECT},
 * or when its tree would grow deeper than {@link #MAX_TREE_DEPTH} or larger than
 * {@link #MAX_TREE_SIZE} operations. Leaves that cost nothing to repeat (constants,
 * uniforms' locals) never are.
 *
 * <p>Parts. HotSpot does not JIT-compile a method of more than 8,000 bytes of bytecode
 * ({@code -XX:HugeMethodLimit}), and no method may exceed 64 KiB. A body of more than
 * {@link #PART_OPERATIONS} live operations is therefore cut, between statements, into
 * parts of about that many operations (at most some 18 bytes each, so a part stays under
 * the JIT's limit). The loop then calls the parts in order for each weight; a statement's
 * value reaches later parts through a scratch array ({@link #spillSlot}).
 */
final class StatementPlan {

    static final int MAX_TREE_DEPTH = 48;
    static final int MAX_TREE_SIZE = 64;
    static final int PART_OPERATIONS = 300;

    private final BodyInfo info;
    private final boolean[] statement;
    /** Each part as {@code [first instruction, end instruction)}; statements in that range belong to it. */
    private final List<int[]> parts = new ArrayList<>();
    private final int[] spillSlot;
    private int spills;

    StatementPlan(BodyInfo info) {
        this.info = info;
        Block body = info.body();
        int n = body.size();
        statement = new boolean[n];
        spillSlot = new int[n];
        int[] treeSize = planStatements(body);
        boolean split = info.liveCount() > PART_OPERATIONS;
        int start = 0;
        int size = 0;
        for (int i = 0; i < n; i++) {
            spillSlot[i] = split && statement[i] ? spills++ : -1;
            size += statement[i] ? treeSize[i] : 0;
            if (split && size >= PART_OPERATIONS) {
                parts.add(new int[] {start, i + 1});
                start = i + 1;
                size = 0;
            }
        }
        parts.add(new int[] {start, n});
    }

    /** Marks the statements; returns each value's tree size (operations emitted with it). */
    private int[] planStatements(Block body) {
        int n = body.size();
        boolean[] stored = new boolean[n];
        for (Output o : body.outputs()) {
            stored[o.value()] = true;
        }
        int[] depth = new int[n];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            Insn in = body.insn(i);
            boolean load = in.op() == Op.LOAD_W || in.op() == Op.LOAD_G || in.op() == Op.LOAD_S
                    || in.op() == Op.LOAD_R || in.op() == Op.LOAD_K;
            if (!info.isLive(i) || in.op().arity() == 0 && !load) {
                size[i] = 1;
                continue; // a constant or a uniform's local: as cheap to repeat as to keep
            }
            int d = 1;
            int s = 1;
            for (int k = 0; k < in.op().arity(); k++) {
                int a = in.operand(k);
                d = Math.max(d, statement[a] ? 1 : depth[a] + 1);
                s += statement[a] ? 1 : size[a];
            }
            depth[i] = d;
            size[i] = s;
            statement[i] = info.uses(i) > 1 || stored[i] || in.op() == Op.SELECT
                    || d >= MAX_TREE_DEPTH || s >= MAX_TREE_SIZE;
        }
        return size;
    }

    BodyInfo info() {
        return info;
    }

    boolean isStatement(int i) {
        return statement[i];
    }

    /** The parts, in order; a body that is not split has one. */
    List<int[]> parts() {
        return parts;
    }

    boolean isSplit() {
        return parts.size() > 1;
    }

    /** The scratch-array slot where statement {@code i}'s value waits for later parts, or -1. */
    int spillSlot(int i) {
        return spillSlot[i];
    }

    /** The length of the scratch array. */
    int spillCount() {
        return spills;
    }
}
