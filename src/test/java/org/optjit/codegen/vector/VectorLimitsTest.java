package org.optjit.codegen.vector;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optjit.RuleException;
import org.optjit.codegen.IrBuilder;
import org.optjit.ir.Op;
import org.optjit.ir.Program;

/** A body too large for one JVM method is a clear {@link RuleException}, not an ASM or JVM error. */
class VectorLimitsTest {

    /** A chain of additions: each costs about ten bytes of bytecode in the vector loop. */
    private static Program chain(int length) {
        IrBuilder b = new IrBuilder();
        int w = b.w();
        int g = b.g();
        int x = w;
        for (int k = 0; k < length; k++) {
            x = b.binary(k % 2 == 0 ? Op.ADD : Op.MUL, x, g);
        }
        return b.storeW(x).build("huge", 0, 0);
    }

    @Test
    void bodyTooLargeForOneMethodIsARuleError() {
        RuleException e = assertThrows(RuleException.class, () -> new VectorCompiler().compile(chain(12_000)));
        assertTrue(e.getMessage().contains("rule 'huge' is too large") && e.getMessage().contains("VECTOR"),
                e.getMessage());
    }

    @Test
    void largeBodyThatFitsCompiles() {
        // the same shape, small enough: must compile (so the error above is about size)
        new VectorCompiler().compile(chain(1_000));
    }
}
