package org.optjit.codegen.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optjit.codegen.Differential;
import org.optjit.codegen.GeneratedKernel;
import org.optjit.codegen.IrBuilder;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Program;

/**
 * Thousands of random well-formed bodies ({@link RandomBodies}) without EXP/LOG/LOG2/POW:
 * VECTOR equals the interpreter bit for bit (NaNs counted as one value) at random lengths
 * and offsets, and every generated class passes ASM's verifier.
 */
class VectorDifferentialTest {

    private static final int PROGRAMS = 2000;

    @Test
    void verificationIsOn() {
        assertTrue(Boolean.getBoolean("optjit.verify"), "tests must run with -Doptjit.verify=true");
    }

    @Test
    void randomBodiesAgreeWithInterpreter() {
        Random random = new Random(20131);
        for (int p = 0; p < PROGRAMS; p++) {
            Program program = RandomBodies.generate(random, "random" + p, 1 + random.nextInt(40), false);
            // define() runs ASM's verifier on every class when -Doptjit.verify=true (Surefire sets it)
            GeneratedKernel k = new VectorCompiler().compile(program);
            int n = random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(70);
            int from = random.nextInt(5);
            int size = from + n + random.nextInt(3);
            float[] w = new float[size];
            float[] g = new float[size];
            float[][] state = new float[RandomBodies.STATES][size];
            VectorOpsTest.fill(w, g, state[0], random);
            VectorOpsTest.fill(state[1], w.clone(), g.clone(), random);
            float[] uniforms = new float[RandomBodies.UNIFORMS];
            for (int u = 0; u < uniforms.length; u++) {
                uniforms[u] = VectorOpsTest.SPECIAL[random.nextInt(VectorOpsTest.SPECIAL.length)];
            }
            Differential.assertAgree("program " + p + ":\n" + IrBuilder.describe(program.body()),
                    new Interpreter(program.body()), k.kernel(), w, g, state, uniforms, from, from + n);
        }
    }
}
