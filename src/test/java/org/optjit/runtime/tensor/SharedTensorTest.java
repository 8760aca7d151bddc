package org.optjit.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.optjit.Backend;
import org.optjit.Layout;
import org.optjit.Rule;

/**
 * Which tensors several threads share, where they are cut (at blocks, and at rows for a rule
 * that runs row by row), which levels stay whole, and why the cut does not change a sum: the parts' block values added in order are the whole tensor's sum, bit for bit. (That
 * a shared step gives the interpreter's weights is {@code TensorBackendsTest}'s shared layout.)
 */
class SharedTensorTest {

    @Test
    void onlyATensorWithMoreThanAThreadsShareIsShared() throws java.io.IOException {
        org.optjit.phase.Plan lamb = plan("lamb");
        Geometry one = new Geometry(Layout.builder().matrix("huge", 1031, 1031).vector("b", 37).build());
        assertEquals(1, SharedTensor.parts(lamb, one, 0, 1), "one thread shares nothing");
        assertEquals(2, SharedTensor.parts(lamb, one, 0, 2));
        assertEquals(3, SharedTensor.parts(lamb, one, 0, 3));
        assertEquals(1, SharedTensor.parts(lamb, one, 1, 3), "the bias stays whole");

        Layout.Builder many = Layout.builder();
        for (int k = 0; k < 64; k++) {
            many.matrix("m" + k, 512, 512);
        }
        Geometry even = new Geometry(many.build());
        assertEquals(1, SharedTensor.parts(lamb, even, 0, 2), "64 equal tensors keep every thread busy whole");

        Geometry two = new Geometry(Layout.builder().vector("a", 1 << 21).vector("b", 1 << 21).build());
        assertEquals(1, SharedTensor.parts(lamb, two, 0, 2), "half the weights on two threads: one tensor each");
        assertEquals(3, SharedTensor.parts(lamb, two, 0, 3), "on three threads both are shared, one after the other");

        Geometry small = new Geometry(Layout.builder().vector("a", (1 << 20) - 1).vector("b", 5).build());
        assertEquals(1, SharedTensor.parts(lamb, small, 0, 2), "below 2^20 weights a hand-over costs more than it saves");
    }

    @Test
    void partsAreWholeBlocksThatCoverTheTensorInOrder() throws java.io.IOException {
        org.optjit.phase.Plan lamb = plan("lamb");
        Geometry geo = new Geometry(Layout.builder().vector("b", 37).matrix("huge", 1031, 1031).build());
        int size = 1031 * 1031;
        for (int parts = 2; parts <= 8; parts++) {
            assertEquals(geo.offset[1], SharedTensor.start(lamb, geo, 1, 0, parts));
            assertEquals(geo.offset[1] + size, SharedTensor.start(lamb, geo, 1, parts, parts));
            for (int q = 1; q < parts; q++) {
                int lo = SharedTensor.start(lamb, geo, 1, q - 1, parts);
                int hi = SharedTensor.start(lamb, geo, 1, q, parts);
                assertTrue(hi > lo, "part " + q + " of " + parts + " is empty");
                assertEquals(0, (hi - geo.offset[1]) % StripedSum.BLOCK, "part " + q + " starts inside a block");
            }
        }
    }

    @Test
    void partsBlockValuesAddedInOrderAreTheWholeSum() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 12; trial++) {
            int blocks = 2 + r.nextInt(9);
            int n = blocks * StripedSum.BLOCK - (trial % 3 == 0 ? 0 : r.nextInt(1, StripedSum.BLOCK));
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) (r.nextGaussian() * Math.exp(r.nextGaussian() * 4));
            }
            boolean squares = trial % 2 == 0;
            StripedSum whole = new StripedSum();
            whole.reset(squares);
            whole.add(x, 0, n);
            int cut = StripedSum.BLOCK * (1 + r.nextInt(blocks - 1));
            double total = 0.0;
            StripedSum part = new StripedSum();
            for (int[] range : new int[][] {{0, cut}, {cut, n}}) {
                part.reset(squares);
                // in calls of odd lengths, as a pass's kernel calls come
                for (int lo = range[0]; lo < range[1]; ) {
                    int len = Math.min(range[1] - lo, 1 + r.nextInt(3 * StripedSum.BLOCK / 2));
                    part.add(x, lo, len);
                    lo += len;
                }
                for (double b : part.blocks()) {
                    total += b;
                }
            }
            assertEquals(Double.doubleToLongBits(whole.finish()), Double.doubleToLongBits(total),
                    "n = " + n + ", cut at " + cut);
        }
    }

    /**
     * A rule that sums down columns (Adafactor) is cut at whole blocks of a column's sum
     * (ColumnBlocks.BLOCK_ROWS rows), and every level of it runs in parts: the blocks are
     * folded in order afterwards, so a level that adds a column's sums no longer waits for one
     * thread.
     */
    @Test
    void columnSumsCutAtBlocksOfRows() throws java.io.IOException {
        org.optjit.phase.Plan adafactor = plan("adafactor");
        assertTrue(adafactor.sumsDownColumns());
        assertFalse(plan("lamb").sumsDownColumns());
        for (int[] shape : new int[][] {{1024, 1024}, {2048, 512}, {2000, 768}}) {
            Geometry geo = new Geometry(Layout.builder().vector("b", 37).matrix("huge", shape[0], shape[1]).build());
            int parts = SharedTensor.parts(adafactor, geo, 1, 3);
            assertEquals(3, parts, shape[0] + " x " + shape[1] + " is shared");
            for (int q = 0; q < parts; q++) {
                int at = SharedTensor.start(adafactor, geo, 1, q, parts) - geo.offset[1];
                assertEquals(0, at % (ColumnBlocks.BLOCK_ROWS * shape[1]),
                        "part " + q + " of " + shape[0] + " x " + shape[1] + " starts inside a block of rows");
                assertEquals(0, at % StripedSum.BLOCK, "part " + q + " starts inside a block");
            }
        }
        // 64 rows of 300 and 65,536 values meet only every 4,915,200 values: more than the tensor
        Geometry odd = new Geometry(Layout.builder().matrix("huge", 4096, 300).build());
        assertEquals(1, SharedTensor.parts(adafactor, odd, 0, 3));
    }

    /**
     * A shared matrix's {@code orth} is called once, after every part of the pass before it,
     * and may use as many threads as the tensor has parts; a tensor a thread has to itself may
     * take the help of the others. The weights come out the same for every thread count
     * (NewtonSchulzTest shows why).
     */
    @Test
    void aSharedMatrixsOrthIsCalledOnceWithItsParts() {
        Layout layout = Layout.builder().matrix("small", 6, 10).matrix("huge", 1031, 1031).vector("bias", 37).build();
        org.optjit.ir.Program p = Rule.parse("""
                b = 0.9*b + g
                w -= ndim == 2 ? 0.02*orth(b) : 0.02*b""").program();
        org.optjit.phase.Plan plan = org.optjit.phase.Planner.plan(p, org.optjit.phase.Planner.Placing.CHEAPER);
        org.optjit.runtime.LoopKernel[] kernels = plan.passes().stream()
                .map(pass -> new org.optjit.interp.Interpreter(pass.body())).toArray(org.optjit.runtime.LoopKernel[]::new);
        float[] g = new float[layout.size()];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) r.nextGaussian();
        }
        float[] expected = null;
        for (int threads = 1; threads <= 3; threads++) {
            java.util.List<String> calls = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            TensorStep step = new TensorStep(plan, kernels, (in, out, offset, rows, cols, n) -> {
                calls.add(rows + "x" + cols + " on " + n);
                Orthogonalization.DEFAULT.orthogonalize(in, out, offset, rows, cols, n);
            });
            float[] w = new float[layout.size()];
            float[][] states = {new float[layout.size()]};
            step.step(new Geometry(layout), w, g, states, new float[plan.buffers()][layout.size()], new Workspace(),
                    new double[][] {{}}, 1, threads);
            assertEquals(java.util.List.of("1031x1031 on " + threads, "6x10 on " + threads),
                    calls.stream().sorted().toList(), threads + " threads");
            if (expected == null) {
                expected = w;
            } else {
                assertTrue(java.util.Arrays.equals(expected, w), threads + " threads: other weights than one thread's");
            }
        }
    }

    /**
     * A rule that runs row by row is cut at rows; with a per-tensor sum also at blocks, so a
     * row whose length is not a divisor of a multiple of the block length leaves the tensor whole.
     */
    @Test
    void rowWiseRulesAreCutAtRowsAndAtBlocksWhenTheyAlsoSumTheTensor() {
        org.optjit.phase.Plan rowsOnly = Rule.parse("n = norm[row](g)\nw -= 0.01*g/(n + 1e-6)")
                .compile(Backend.INTERPRETER).plan();
        org.optjit.phase.Plan withTensorSum = Rule.parse("n = norm[row](g)\nw -= 0.01*g/(n + 1e-6) + rms(g)*w")
                .compile(Backend.INTERPRETER).plan();
        assertFalse(rowsOnly.sumsOverTensors());
        assertTrue(withTensorSum.sumsOverTensors());
        for (int[] shape : new int[][] {{1027, 1024}, {3001, 768}, {1031, 1031}, {2049, 520}}) {
            Geometry geo = new Geometry(Layout.builder().vector("b", 37).matrix("huge", shape[0], shape[1]).build());
            int cols = shape[1];
            assertEquals(cols, SharedTensor.unit(rowsOnly, geo, 1));
            long unit = SharedTensor.unit(withTensorSum, geo, 1);
            java.math.BigInteger c = java.math.BigInteger.valueOf(cols);
            java.math.BigInteger block = java.math.BigInteger.valueOf(StripedSum.BLOCK);
            assertEquals(c.multiply(block).divide(c.gcd(block)).longValueExact(), unit,
                    "the least common multiple of a row and a block");
            for (org.optjit.phase.Plan plan : new org.optjit.phase.Plan[] {rowsOnly, withTensorSum}) {
                int parts = SharedTensor.parts(plan, geo, 1, 3);
                for (int q = 0; q <= parts; q++) {
                    int at = SharedTensor.start(plan, geo, 1, q, parts) - geo.offset[1];
                    assertEquals(0, at % cols, "part " + q + " of " + shape[0] + "x" + cols + " starts inside a row");
                    if (plan == withTensorSum && q < parts) {
                        assertEquals(0, at % StripedSum.BLOCK, "part " + q + " starts inside a block");
                    }
                }
            }
        }
        Geometry odd = new Geometry(Layout.builder().matrix("huge", 1031, 1031).build());
        assertEquals(3, SharedTensor.parts(rowsOnly, odd, 0, 3));
        assertEquals(1, SharedTensor.parts(withTensorSum, odd, 0, 3), "1031 x 65536 is more than the tensor");
        Geometry even = new Geometry(Layout.builder().matrix("huge", 1027, 1024).build());
        assertEquals(3, SharedTensor.parts(withTensorSum, even, 0, 3));
    }

    private static org.optjit.phase.Plan plan(String example) throws java.io.IOException {
        return Rule.load(Path.of("examples", example + ".opt")).compile(Backend.INTERPRETER).plan();
    }
}
