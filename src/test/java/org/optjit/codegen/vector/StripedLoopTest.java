package org.optjit.codegen.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;
import org.optjit.ir.Program;
import org.optjit.runtime.LoopKernel;
import org.optjit.runtime.StripedKernel;

/**
 * A striped kernel's {@code runStriped} against the definition, in double, bit for bit: lane
 * {@code l} of each sum adds the values at {@code from + l}, {@code from + l + 16}, ... in
 * that order (squares exact in double), from the sums it was handed; the other outputs are
 * stored as {@code run} stores them.
 */
class StripedLoopTest {

    /** Body: x = g*w (summed), y = g - w (squares summed, and kept), w stored as w + g. */
    private static Program program() {
        List<Insn> insns = List.of(
                new Insn(Op.LOAD_G, -1, -1, -1, 0, 0),
                new Insn(Op.LOAD_W, -1, -1, -1, 0, 0),
                Insn.binary(Op.MUL, 0, 1),
                Insn.binary(Op.SUB, 0, 1),
                Insn.binary(Op.ADD, 1, 0));
        List<Output> outputs = List.of(new Output(Output.Target.SCRATCH, 0, 2), new Output(Output.Target.SCRATCH, 1, 3),
                new Output(Output.Target.KEPT, 2, 3), new Output(Output.Target.WEIGHT, -1, 4));
        return new Program("striped_test", List.of(), List.of(), List.of(), List.of(), new Block(List.of(), List.of()),
                new Block(insns, outputs), new Block(List.of(), List.of()), new Block(List.of(), List.of()));
    }

    @ParameterizedTest(name = "from {0}, {1} weights")
    @CsvSource({"0, 16", "3, 160", "12, 8192", "5, 4096"})
    void sumsTheLanesInOrder(int from, int n) {
        LoopKernel k = new VectorCompiler().compile(program(), new int[] {0, 1}, new boolean[] {false, true}).kernel();
        assertTrue(k instanceof StripedKernel || !StripedLoopEmitter.usable(), "not a striped kernel");
        if (!(k instanceof StripedKernel striped)) {
            return;
        }
        Random r = new Random(from * 7919L + n);
        int size = from + n + 5;
        float[] w = new float[size];
        float[] g = new float[size];
        for (int i = 0; i < size; i++) {
            w[i] = (float) (r.nextGaussian() * Math.pow(2, r.nextInt(40) - 20));
            g[i] = (float) (r.nextGaussian() * Math.pow(2, r.nextInt(40) - 20));
        }
        double[] lanes = new double[32];
        for (int l = 0; l < 32; l++) {
            lanes[l] = r.nextGaussian() * 1e6;
        }
        double[] expected = lanes.clone();
        float[] wBefore = w.clone();
        float[] wAfter = w.clone();
        for (int i = from; i < from + n; i++) {
            double x = g[i] * w[i];
            double y = g[i] - w[i];
            expected[(i - from) % 16] += (float) x;
            expected[16 + (i - from) % 16] += (double) (float) y * (float) y;
            wAfter[i] = w[i] + g[i];
        }
        // the kept values go to an array indexed from an origin before the call, as a tensor's
        // calls after its first do
        int origin = from / 2;
        float[][] arrays = {new float[n], new float[n], new float[from - origin + n + 3]};
        striped.runStriped(w, g, arrays, new float[0], from, from + n, origin, lanes);
        for (int l = 0; l < 32; l++) {
            assertEquals(Double.doubleToLongBits(expected[l]), Double.doubleToLongBits(lanes[l]), "lane " + l);
        }
        for (int e = 0; e < arrays[2].length; e++) {
            int i = origin + e;
            float want = i >= from && i < from + n ? g[i] - wBefore[i] : 0f;
            assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(arrays[2][e]), "kept[" + e + "]");
        }
        for (int i = 0; i < size; i++) {
            assertEquals(Float.floatToIntBits(wAfter[i]), Float.floatToIntBits(w[i]), "w[" + i + "]");
        }
    }
}
