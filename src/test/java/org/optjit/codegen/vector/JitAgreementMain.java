package org.optjit.codegen.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.optjit.ir.Program;
import org.optjit.runtime.LoopKernel;

/**
 * Child-JVM main for {@link VectorJitTest}: warms each kernel of the {@link OpCorpus} (and
 * of {@link #RANDOM_PROGRAMS} random bodies) until
 * C2 has compiled it (the JVM runs with {@code -Xbatch}, so compilation finishes before the
 * warm-up call returns), then checks it against the interpreter. Exit 0 when all agree.
 */
public final class JitAgreementMain {

    /**
     * Calls of {@code run} on a range of {@link #WARM_UP_LENGTH} floats (about 40 loop
     * iterations each): well past C2's thresholds (tiered: 600 invocations and 15,000
     * invocations plus back-edges).
     */
    static final int WARM_UP_CALLS = 2000;
    static final int WARM_UP_LENGTH = 643;

    /** Random bodies ({@link RandomBodies}, bitwise) checked in compiled code beside the corpus. */
    static final int RANDOM_PROGRAMS = 10;

    private JitAgreementMain() {
    }

    public static void main(String[] args) {
        Random random = new Random(7);
        List<OpCorpus.Case> cases = new ArrayList<>(OpCorpus.all());
        for (int k = 0; k < RANDOM_PROGRAMS; k++) {
            Program p = RandomBodies.generate(random, "random" + k, 10 + random.nextInt(30), false);
            cases.add(new OpCorpus.Case(p.name(), p, 0, List.<float[]>of(new float[] {0.5f, 0f, Float.NaN})));
        }
        for (OpCorpus.Case c : cases) {
            LoopKernel kernel = new VectorCompiler().compile(c.program()).kernel();
            int n = WARM_UP_LENGTH;
            float[] w = new float[n];
            float[] g = new float[n];
            float[][] state = {new float[n], new float[n]};
            for (int call = 0; call < WARM_UP_CALLS; call++) {
                if (call % 100 == 0) {
                    VectorOpsTest.fill(w, g, state[0], random);
                }
                kernel.run(w, g, state, c.uniforms().get(0), 0, n);
            }
            VectorOpsTest.agree(c, kernel);
            if (c.name().equals("LOG2")) {
                VectorOpsTest.assertLog2Exact(kernel);
            }
            System.out.println("agrees when compiled: " + c.name());
        }
    }
}
