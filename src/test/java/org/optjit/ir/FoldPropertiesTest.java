package org.optjit.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Folding the body in double and rounding once gives exactly the float32 result, which is
 * what {@link Fold} relies on (double has more than twice float's precision).
 */
class FoldPropertiesTest {

    private static float fold(Op op, float a, float b) {
        return (float) Precision.FLOAT.round(Fold.apply(op, a, b));
    }

    @Property(tries = 2000)
    void arithmeticFoldsExactlyAsFloat(@ForAll float a, @ForAll float b) {
        assertEquals(Float.floatToIntBits(a + b), Float.floatToIntBits(fold(Op.ADD, a, b)));
        assertEquals(Float.floatToIntBits(a - b), Float.floatToIntBits(fold(Op.SUB, a, b)));
        assertEquals(Float.floatToIntBits(a * b), Float.floatToIntBits(fold(Op.MUL, a, b)));
        assertEquals(Float.floatToIntBits(a / b), Float.floatToIntBits(fold(Op.DIV, a, b)));
        assertEquals(Float.floatToIntBits(Math.min(a, b)), Float.floatToIntBits(fold(Op.MIN, a, b)));
        assertEquals(Float.floatToIntBits((float) Math.sqrt(a)), Float.floatToIntBits(fold(Op.SQRT, a, 0)));
        assertEquals(a < b ? 1f : 0f, fold(Op.LT, a, b));
    }

    @Property(tries = 200)
    void foldedBodyConstantsMatchTheInterpreter(@ForAll float a, @ForAll float b) {
        // a product of two body constants folds to exactly the float product
        BlockBuilder body = new BlockBuilder(Precision.FLOAT);
        int x = body.binary(Op.MUL, body.constant(a), body.constant(b));
        assertEquals(Float.floatToIntBits(a * b), Float.floatToIntBits((float) body.constant(x)));
    }
}
