package org.optjit.codegen.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.optjit.codegen.IrBuilder;
import org.optjit.ir.Op;
import org.optjit.ir.Program;

/**
 * Random well-formed per-weight bodies: every operand refers to an earlier instruction of
 * the right type (number or truth value), each array is loaded at most once, and {@code w}
 * and every state array are stored once.
 */
final class RandomBodies {

    /** State arrays a random body reads and writes. */
    static final int STATES = 2;
    /** Uniforms a random body may read (as numbers and as truth values). */
    static final int UNIFORMS = 3;

    private static final Op[] UNARY = {Op.NEG, Op.ABS, Op.SQRT, Op.SIGN, Op.FLOOR, Op.CEIL};
    private static final Op[] BINARY = {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MIN, Op.MAX};
    private static final Op[] TRANSCENDENTAL = {Op.EXP, Op.LOG, Op.LOG2, Op.POW};
    private static final Op[] COMPARE = {Op.LT, Op.LE, Op.GT, Op.GE, Op.EQ, Op.NE};
    private static final double[] LITERALS = {0, -0.0, 1, -1, 0.5, 2, 1e-8, 0.9, 1.2, 50, Double.NaN, 1e-40};

    private RandomBodies() {
    }

    /**
     * @param size           number of computed instructions (after the loads)
     * @param transcendental whether EXP, LOG, LOG2 and POW may appear
     */
    static Program generate(Random random, String name, int size, boolean transcendental) {
        IrBuilder b = new IrBuilder();
        List<Integer> nums = new ArrayList<>();
        List<Integer> bools = new ArrayList<>();
        nums.add(b.w());
        nums.add(b.g());
        for (int k = 0; k < STATES; k++) {
            nums.add(b.state(k));
        }
        for (int n = 0; n < size; n++) {
            int kind = random.nextInt(bools.isEmpty() ? 7 : 10);
            switch (kind) {
                case 0: nums.add(b.constant(LITERALS[random.nextInt(LITERALS.length)])); break;
                case 1: nums.add(b.uniform(random.nextInt(UNIFORMS))); break;
                case 2: nums.add(b.unary(pick(random, UNARY), pick(random, nums))); break;
                case 3: case 4:
                    nums.add(b.binary(pick(random, BINARY), pick(random, nums), pick(random, nums)));
                    break;
                case 5:
                    if (transcendental) {
                        Op op = pick(random, TRANSCENDENTAL);
                        int a = pick(random, nums);
                        nums.add(op == Op.POW ? b.binary(op, a, pick(random, nums)) : b.unary(op, a));
                    } else {
                        nums.add(b.binary(pick(random, BINARY), pick(random, nums), pick(random, nums)));
                    }
                    break;
                case 6:
                    bools.add(random.nextInt(4) == 0 ? b.uniformBool(random.nextInt(UNIFORMS))
                            : b.binary(pick(random, COMPARE), pick(random, nums), pick(random, nums)));
                    break;
                case 7:
                    bools.add(random.nextBoolean() ? b.unary(Op.NOT, pick(random, bools))
                            : b.binary(random.nextBoolean() ? Op.AND : Op.OR, pick(random, bools),
                                    pick(random, bools)));
                    break;
                default:
                    nums.add(b.select(pick(random, bools), pick(random, nums), pick(random, nums)));
            }
        }
        // Prefer recent values so that most of the body feeds the stores.
        b.storeW(nums.get(nums.size() - 1));
        for (int k = 0; k < STATES; k++) {
            b.storeState(k, nums.get(nums.size() - 1 - random.nextInt(Math.min(nums.size(), 4))));
        }
        return b.build(name, STATES, UNIFORMS);
    }

    private static int pick(Random random, List<Integer> values) {
        // Skew towards recent values: deeper expression trees.
        int n = values.size();
        return values.get(random.nextBoolean() ? n - 1 - random.nextInt(Math.min(n, 3)) : random.nextInt(n));
    }

    private static Op pick(Random random, Op[] ops) {
        return ops[random.nextInt(ops.length)];
    }
}
