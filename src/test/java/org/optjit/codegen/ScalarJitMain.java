package org.optjit.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.optjit.codegen.scalar.ScalarCompiler;
import org.optjit.ir.Program;
import org.optjit.runtime.LoopKernel;

/**
 * Child-JVM main for {@link ScalarJitTest}: runs each kernel of {@link OpPrograms} and of
 * {@link #RANDOM_PROGRAMS} random bodies until C2 has compiled it (the JVM runs with
 * {@code -Xbatch}, so a compilation finishes before the call that triggered it returns),
 * then checks it against the interpreter. Exits with an exception on the first mismatch.
 */
public final class ScalarJitMain {

    static final int RANDOM_PROGRAMS = 20;
    /** Well past C2's thresholds (10,000 invocations plus back edges without tiers). */
    private static final int WARM_UP_CALLS = 300;
    private static final int N = Differential.SPECIAL.length * Differential.SPECIAL.length;

    private ScalarJitMain() {
    }

    public static void main(String[] args) {
        List<Program> programs = new ArrayList<>(OpPrograms.all());
        RandomPrograms random = new RandomPrograms(77);
        for (int k = 0; k < RANDOM_PROGRAMS; k++) {
            // the first two are split into parts (StatementPlan)
            programs.add(k < 2 ? random.nextAllLive("random" + k, 500) : random.next("random" + k, 30));
        }
        Random data = new Random(5);
        for (Program p : programs) {
            LoopKernel kernel = new ScalarCompiler().compile(p).kernel();
            float[] w = Differential.array(data, N);
            float[] g = Differential.array(data, N);
            float[][] state = {Differential.array(data, N), Differential.array(data, N), Differential.array(data, N)};
            float[] uniforms = Differential.array(data, 3);
            for (int call = 0; call < WARM_UP_CALLS; call++) {
                kernel.run(w, g, state, uniforms, 0, N);
            }
            Differential.assertAgreeOnAllPairs(p, kernel);
            Differential.assertAgreeOnRandomData(p.name(), p, kernel, data, N);
            System.out.println("agrees when compiled: " + p.name());
        }
    }
}
