package org.optjit.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Folding the body in double and rounding once gives exactly the float32 result, which is
 * what {@link Fold} relies on (double has more than twice float's precision). Checked on
 * random bit patterns (every exponent, subnormals, infinities, NaN) and special values.
 */
class FoldPropertiesTest {

    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, Float.MIN_VALUE, Float.MAX_VALUE,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 0.1f, 3f};

    private static float fold(Op op, float a, float b) {
        return (float) Precision.FLOAT.round(Fold.apply(op, a, b));
    }

    @Test
    void arithmeticFoldsExactlyAsFloat() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            float a = i < SPECIAL.length ? SPECIAL[i] : Float.intBitsToFloat(r.nextInt());
            float b = i < SPECIAL.length ? SPECIAL[(i * 7) % SPECIAL.length] : Float.intBitsToFloat(r.nextInt());
            assertBits(a + b, fold(Op.ADD, a, b));
            assertBits(a - b, fold(Op.SUB, a, b));
            assertBits(a * b, fold(Op.MUL, a, b));
            assertBits(a / b, fold(Op.DIV, a, b));
            assertBits(Math.min(a, b), fold(Op.MIN, a, b));
            assertBits((float) Math.sqrt(a), fold(Op.SQRT, a, 0));
            assertEquals(a < b ? 1f : 0f, fold(Op.LT, a, b));
        }
    }

    @Test
    void aProductOfBodyConstantsFoldsToTheFloatProduct() {
        BlockBuilder body = new BlockBuilder(Precision.FLOAT);
        int x = body.binary(Op.MUL, body.constant(0.1), body.constant(3.0));
        assertBits(0.1f * 3f, (float) body.constantValue(x));
        assertEquals(3, body.insns().size(), "two constants and the folded product, no MUL");
    }

    private static void assertBits(float expected, float actual) {
        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual), expected + " vs " + actual);
    }
}
