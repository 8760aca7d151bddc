package org.optjit.codegen.vector;

import org.optjit.codegen.IrBuilder;
import org.optjit.ir.Op;
import org.optjit.ir.Program;
import org.optjit.runtime.LoopKernel;

/**
 * Child-JVM main for {@link VectorUnloadingTest}: compiles and runs {@link #KERNELS} vector
 * kernels one after another, keeping none. With a small {@code -XX:MaxMetaspaceSize} this
 * only finishes if the hidden classes are unloaded.
 */
public final class UnloadingMain {

    static final int KERNELS = 20_000;

    private UnloadingMain() {
    }

    public static void main(String[] args) {
        // An rprop-like body: compare, select, clip, sign.
        IrBuilder b = new IrBuilder();
        int w = b.w();
        int g = b.g();
        int step = b.state(0);
        int up = b.binary(Op.GT, g, b.constant(0));
        int grown = b.binary(Op.MIN, b.binary(Op.MUL, step, b.uniform(0)), b.constant(50));
        int newStep = b.select(up, grown, b.binary(Op.MAX, b.binary(Op.MUL, step, b.constant(0.5)), b.constant(1e-6)));
        b.storeState(0, newStep).storeW(b.binary(Op.SUB, w, b.binary(Op.MUL, b.unary(Op.SIGN, g), newStep)));
        Program p = b.build("unload", 1, 1);
        float[] weights = new float[37];
        float[] grads = new float[37];
        float[][] state = {new float[37]};
        float checksum = 0;
        for (int k = 0; k < KERNELS; k++) {
            LoopKernel kernel = new VectorCompiler().compile(p).kernel();
            grads[k % 37] = (k % 3) - 1;
            kernel.run(weights, grads, state, new float[] {1.2f}, 0, 37);
            checksum += weights[k % 37];
        }
        System.out.println("compiled and ran " + KERNELS + " vector kernels, checksum " + checksum);
    }
}
