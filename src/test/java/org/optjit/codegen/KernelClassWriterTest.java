package org.optjit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optjit.codegen.scalar.ScalarCompiler;
import org.optjit.ir.Op;
import org.optjit.ir.Program;

/** The shared class skeleton: names, hidden-class definition, an empty body. */
class KernelClassWriterTest {

    @Test
    void ruleNamesBecomeValidClassNames() {
        assertEquals("ScalarKernel_my_rule_opt", KernelClassWriter.className("SCALAR", "my-rule.opt"));
        assertEquals("VectorKernel_caf__x", KernelClassWriter.className("VECTOR", "caf\u00e9/x"));
        assertEquals(13 + 40, KernelClassWriter.className("SCALAR", "r".repeat(500)).length());
    }

    @Test
    void anyRuleNameDefinesAHiddenKernel() {
        IrBuilder b = new IrBuilder();
        b.storeW(b.binary(Op.MUL, b.w(), b.constant(0.5)));
        Program p = b.build("<input> \u00e9\u00e9 \ud83d\ude00 ;", 0, 0);
        GeneratedKernel k = new ScalarCompiler().compile(p);
        assertTrue(k.kernel().getClass().isHidden());
        assertTrue(k.kernel().getClass().getName().startsWith("org.optjit.codegen.ScalarKernel__input"),
                k.kernel().getClass().getName());
        Differential.assertAgreeOnRandomData("name", p, k.kernel(), new Random(1), 8);
    }

    /** A rule that stores nothing still gets a valid loop (that touches nothing). */
    @Test
    void anEmptyBodyIsAValidLoop() {
        IrBuilder b = new IrBuilder();
        b.binary(Op.ADD, b.g(), b.w()); // dead
        Program p = b.build("empty", 1, 2);
        GeneratedKernel k = new ScalarCompiler().compile(p);
        assertEquals("", KernelClasses.verify(k.classFile()));
        Differential.assertAgreeOnRandomData("empty", p, k.kernel(), new Random(2), 8);
    }
}
