package org.optjit.codegen.vector;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optjit.RuleException;
import org.optjit.codegen.Bytecode;
import org.optjit.codegen.Differential;
import org.optjit.codegen.GeneratedKernel;
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

    /**
     * A body that the SCALAR loop splits into part methods: the tail's parts are emitted
     * into the vector class beside it, and the weights outside the whole vectors (lengths
     * below, between and beyond whole vectors, odd offsets) still agree with the interpreter.
     */
    @Test
    void tailSplitIntoPartsAgreesWithInterpreter() {
        Program p = chain(1_000);
        GeneratedKernel k = new VectorCompiler().compile(p);
        assertTrue(Bytecode.codeLengths(k.classFile()).containsKey("part0"),
                Bytecode.codeLengths(k.classFile()).keySet().toString());
        Random rnd = new Random(5);
        for (int n : new int[] {1, 3, 17, 38, 71}) {
            Differential.assertAgreeOnRandomData("split tail, n = " + n, p, k.kernel(), rnd, n);
        }
    }
}
