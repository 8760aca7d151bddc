package org.optjit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optjit.codegen.scalar.ScalarCompiler;
import org.optjit.ir.Program;

/**
 * Differential test over thousands of random IR programs: SCALAR equals the interpreter
 * bit for bit on corner-case data, every generated class passes the verifier, and each
 * array element is loaded and stored at most once per weight.
 */
class RandomProgramTest {

    private static final int PROGRAMS = 3000;

    @Test
    void scalarAgreesWithInterpreterOnRandomPrograms() {
        RandomPrograms programs = new RandomPrograms(20261124);
        Random data = new Random(42);
        ScalarCompiler compiler = new ScalarCompiler();
        for (int i = 0; i < PROGRAMS; i++) {
            int n = i;
            Program p = n % 200 == 0 ? programs.nextAllLive("random" + n, 700)
                    : programs.next("random" + n, n % 10 == 0 ? 120 : 25);
            GeneratedKernel k;
            try {
                k = compiler.compile(p);
            } catch (RuntimeException e) {
                throw new AssertionError("program " + n + " does not compile:\n" + IrBuilder.describe(p.body()), e);
            }
            assertEquals("", KernelClasses.verify(k.classFile()), () -> "program " + n + "\n" + IrBuilder.describe(p.body()));
            Bytecode.assertLoadsAndStoresOnce(p, k.classFile());
            try {
                Differential.assertAgreeOnRandomData("program " + n, p, k.kernel(), data, 24);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + IrBuilder.describe(p.body())
                        + KernelClasses.textify(k.classFile()), e);
            }
        }
    }
}
