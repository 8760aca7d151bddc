package org.optjit.ir;

import org.optjit.runtime.MathOps;

/**
 * Constant folding: the value of an operation on constants, with the semantics documented
 * on {@link Op}. Folding happens in the precision of the block: in double for the prelude,
 * and for the body by computing in double from float operands and rounding once, which
 * gives exactly the float32 result (for {@code + - * /} and {@code sqrt} because double has
 * more than twice float's precision; the other operations are exact or defined that way).
 */
final class Fold {

    private Fold() {
    }

    /** Whether {@code op} can be folded by {@link #apply}: not leaves, not SELECT. */
    static boolean foldable(Op op) {
        return op.arity() >= 1 && op != Op.SELECT && op != Op.REDUCE_OF;
    }

    /** Truth values are 1 and 0, as in the prelude. */
    static double apply(Op op, double a, double b) {
        return switch (op) {
            case NEG -> -a;
            case ABS -> Math.abs(a);
            case SQRT -> Math.sqrt(a);
            case SIGN -> Math.signum(a);
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
            case LOG2 -> MathOps.log2(a);
            case FLOOR -> Math.floor(a);
            case CEIL -> Math.ceil(a);
            case COS -> Math.cos(a);
            case SIN -> Math.sin(a);
            case TANH -> Math.tanh(a);
            case MOD -> a % b;
            case FLOAT -> (float) a;
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
            case POW -> Math.pow(a, b);
            case LT -> truth(a < b);
            case LE -> truth(a <= b);
            case GT -> truth(a > b);
            case GE -> truth(a >= b);
            case EQ -> truth(a == b);
            case NE -> truth(a != b);
            case AND -> truth(a != 0 && b != 0);
            case OR -> truth(a != 0 || b != 0);
            case NOT -> truth(a == 0);
            default -> throw new IllegalArgumentException("cannot fold " + op);
        };
    }

    private static double truth(boolean b) {
        return b ? 1 : 0;
    }
}
