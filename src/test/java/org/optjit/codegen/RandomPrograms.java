package org.optjit.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.optjit.ir.Op;
import org.optjit.ir.Program;

/**
 * Random well-typed per-weight bodies in SSA form, for differential tests of backends.
 * Like the front end's output, each array element is loaded at most once and stored at
 * most once; unlike it, they may contain dead code, repeated subexpressions and any mix of
 * operations, which is the point.
 */
public final class RandomPrograms {

    private static final Op[] UNARY = {Op.NEG, Op.ABS, Op.SQRT, Op.SIGN, Op.EXP, Op.LOG, Op.LOG2, Op.FLOOR, Op.CEIL};
    private static final Op[] BINARY = {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MIN, Op.MAX, Op.POW};
    private static final Op[] COMPARE = {Op.LT, Op.LE, Op.GT, Op.GE, Op.EQ, Op.NE};
    private static final double[] CONSTANTS = {0, -0.0, 1, 2, -1, 0.5, 3, 0.9, 1e-8, 1.2, 50, Double.NaN,
        Double.POSITIVE_INFINITY, 1e-45, 0.1};

    private final Random rnd;
    private IrBuilder b;
    private List<Integer> numbers;
    private List<Integer> truths;

    public RandomPrograms(long seed) {
        this.rnd = new Random(seed);
    }

    /** A program of up to {@code maxOps} operations after its leaves. */
    public Program next(String name, int maxOps) {
        return next(name, maxOps, false);
    }

    /**
     * A program whose every value is live: before the stores, all values are folded into
     * the weight's new value (numbers by arithmetic, truth values by selects). Large ones
     * make the SCALAR backend split its body into parts.
     */
    public Program nextAllLive(String name, int maxOps) {
        return next(name, maxOps, true);
    }

    private Program next(String name, int maxOps, boolean allLive) {
        b = new IrBuilder();
        numbers = new ArrayList<>();
        truths = new ArrayList<>();
        int states = rnd.nextInt(4);
        int uniforms = rnd.nextInt(4);
        List<Runnable> leaves = new ArrayList<>();
        leaves.add(() -> numbers.add(b.w()));
        leaves.add(() -> numbers.add(b.g()));
        for (int k = 0; k < states; k++) {
            int slot = k;
            leaves.add(() -> numbers.add(b.state(slot)));
        }
        java.util.Collections.shuffle(leaves, rnd);
        int loads = 1 + rnd.nextInt(leaves.size());
        for (int k = 0; k < loads; k++) {
            leaves.get(k).run();
        }
        int ops = 1 + rnd.nextInt(maxOps);
        for (int k = 0; k < ops; k++) {
            step(uniforms);
        }
        if (allLive) {
            int acc = numbers.get(0);
            for (int k = 1; k < numbers.size(); k++) {
                acc = b.binary(BINARY[rnd.nextInt(4)], acc, numbers.get(k));
            }
            for (int t : truths) {
                acc = b.select(t, acc, pickNumber());
            }
            b.storeW(acc);
        } else if (rnd.nextInt(5) > 0) {
            b.storeW(pickNumberLate());
        }
        for (int k = 0; k < states; k++) {
            if (rnd.nextInt(3) > 0) {
                b.storeState(k, pickNumberLate());
            }
        }
        return b.build(name, states, uniforms);
    }

    private void step(int uniforms) {
        int kind = rnd.nextInt(20);
        if (kind < 2 || numbers.isEmpty()) {
            numbers.add(leaf(uniforms));
        } else if (kind < 5) {
            numbers.add(b.unary(UNARY[rnd.nextInt(UNARY.length)], pickNumber()));
        } else if (kind < 11) {
            numbers.add(b.binary(BINARY[rnd.nextInt(BINARY.length)], pickNumber(), pickNumber()));
        } else if (kind < 14) {
            truths.add(b.binary(COMPARE[rnd.nextInt(COMPARE.length)], pickNumber(), pickNumber()));
        } else if (kind < 16 && !truths.isEmpty()) {
            truths.add(rnd.nextInt(3) == 0 ? b.unary(Op.NOT, pickTruth())
                    : b.binary(rnd.nextBoolean() ? Op.AND : Op.OR, pickTruth(), pickTruth()));
        } else if (kind < 17 && uniforms > 0) {
            truths.add(b.uniformBool(rnd.nextInt(uniforms)));
        } else if (!truths.isEmpty()) {
            numbers.add(b.select(pickTruth(), pickNumber(), pickNumber()));
        } else {
            truths.add(b.binary(COMPARE[rnd.nextInt(COMPARE.length)], pickNumber(), pickNumber()));
        }
    }

    private int leaf(int uniforms) {
        if (uniforms > 0 && rnd.nextBoolean()) {
            return b.uniform(rnd.nextInt(uniforms));
        }
        return b.constant(CONSTANTS[rnd.nextInt(CONSTANTS.length)]);
    }

    /** Mostly recent values, so programs grow deep as well as wide. */
    private int pickNumber() {
        return pick(numbers);
    }

    private int pickTruth() {
        return pick(truths);
    }

    private int pick(List<Integer> pool) {
        int n = pool.size();
        return pool.get(rnd.nextInt(3) == 0 ? rnd.nextInt(n) : n - 1 - rnd.nextInt(Math.min(n, 4)));
    }

    private int pickNumberLate() {
        return numbers.get(numbers.size() - 1 - rnd.nextInt(Math.min(numbers.size(), 3)));
    }
}
