package org.optjit.runtime.tensor;

/**
 * A sum of float values in double in the order docs/language.md defines for reductions, so
 * that it is the same on every backend and for any number of threads: the values are cut into
 * blocks of {@link #BLOCK} from the first; within a block, value {@code j} is added to
 * accumulator {@code j mod 16} (sixteen independent sums, which a vector unit can keep in
 * registers); a block's value is its accumulators added left to right; the sum is
 * {@code 0.0 + B0 + B1 + ...}. With {@code squares}, each term is {@code (double) x * x}.
 * Values may come in several calls; their positions continue.
 */
public final class StripedSum {

    public static final int BLOCK = 1 << 16;
    public static final int STRIPES = 16;

    /**
     * Whether {@link VectorStripes} runs the aligned loop (the same sums, a vector of stripes
     * at a time): when the Vector API module is there, unless {@code -Doptjit.scalarReductions=true}.
     */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("optjit.scalarReductions") && VectorStripes.USABLE;

    private final double[] acc = new double[STRIPES];
    private final double[] second = new double[STRIPES];
    private final double[][] four = new double[4][STRIPES];
    private double total;
    /** Every closed block's value, in order ({@link #blocks}). */
    private double[] closed = new double[4];
    private int nClosed;
    private int pos;
    private boolean squares;

    /** Starts a new sum. */
    public void reset(boolean squares) {
        java.util.Arrays.fill(acc, 0.0);
        total = 0.0;
        nClosed = 0;
        pos = 0;
        this.squares = squares;
    }

    /** Adds {@code x[0..n)}. */
    public void add(float[] x, int n) {
        add(x, 0, n);
    }

    /** Adds {@code x[from, from + n)}. */
    public void add(float[] x, int from, int n) {
        int k = from;
        n += from;
        while (k < n) {
            if (pos == BLOCK) {
                close(block());
                java.util.Arrays.fill(acc, 0.0);
                pos = 0;
            }
            if (VECTOR && squares && pos == 0 && n - k >= 4 * BLOCK && addFour(x, k)) {
                k += 4 * BLOCK;
                continue;
            }
            if (VECTOR && pos == 0 && n - k >= 2 * BLOCK) {
                // two whole blocks side by side; their values join the total in order
                java.util.Arrays.fill(second, 0.0);
                VectorStripes.addTwo(acc, second, x, k, k + BLOCK, BLOCK, squares);
                close(block());
                System.arraycopy(second, 0, acc, 0, STRIPES);
                pos = BLOCK;
                k += 2 * BLOCK;
                continue;
            }
            int m = Math.min(n - k, BLOCK - pos);
            int head = -pos & (STRIPES - 1);
            if (head == 0 && m >= STRIPES) {
                int whole = m & -STRIPES;
                addAligned(x, k, whole);
                pos += whole;
                k += whole;
                continue;
            }
            // one value at a time up to the next stripe 0 (or the end), then aligned again
            m = head == 0 ? m : Math.min(m, head);
            if (squares) {
                for (int e = 0; e < m; e++) {
                    double v = x[k + e];
                    acc[(pos + e) & (STRIPES - 1)] += v * v;
                }
            } else {
                for (int e = 0; e < m; e++) {
                    acc[(pos + e) & (STRIPES - 1)] += x[k + e];
                }
            }
            pos += m;
            k += m;
        }
    }

    /**
     * Four whole blocks from {@code x[k]}, side by side; their values join the total in order,
     * and the last block stays open (as after {@code add}). False when the vectors do not allow it.
     */
    private boolean addFour(float[] x, int k) {
        for (double[] a : four) {
            java.util.Arrays.fill(a, 0.0);
        }
        if (!VectorStripes.addFour(four, x, k, BLOCK, squares)) {
            return false;
        }
        for (int b = 0; b < 3; b++) {
            System.arraycopy(four[b], 0, acc, 0, STRIPES);
            close(block());
        }
        System.arraycopy(four[3], 0, acc, 0, STRIPES);
        pos = BLOCK;
        return true;
    }

    /**
     * {@code x[from, from + n)} with {@code n} a multiple of 16, starting at stripe 0: the
     * sixteen sums in locals, so that they are independent chains in registers (the same
     * additions, in the same order, as the general loop).
     */
    private void addAligned(float[] x, int from, int n) {
        if (VECTOR) {
            VectorStripes.add(acc, x, from, n, squares);
            return;
        }
        double a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3], a4 = acc[4], a5 = acc[5], a6 = acc[6];
        double a7 = acc[7], a8 = acc[8], a9 = acc[9], a10 = acc[10], a11 = acc[11], a12 = acc[12];
        double a13 = acc[13], a14 = acc[14], a15 = acc[15];
        int end = from + n;
        if (squares) {
            for (int i = from; i < end; i += STRIPES) {
                double v0 = x[i], v1 = x[i + 1], v2 = x[i + 2], v3 = x[i + 3];
                double v4 = x[i + 4], v5 = x[i + 5], v6 = x[i + 6], v7 = x[i + 7];
                double v8 = x[i + 8], v9 = x[i + 9], v10 = x[i + 10], v11 = x[i + 11];
                double v12 = x[i + 12], v13 = x[i + 13], v14 = x[i + 14], v15 = x[i + 15];
                a0 += v0 * v0; a1 += v1 * v1; a2 += v2 * v2; a3 += v3 * v3;
                a4 += v4 * v4; a5 += v5 * v5; a6 += v6 * v6; a7 += v7 * v7;
                a8 += v8 * v8; a9 += v9 * v9; a10 += v10 * v10; a11 += v11 * v11;
                a12 += v12 * v12; a13 += v13 * v13; a14 += v14 * v14; a15 += v15 * v15;
            }
        } else {
            for (int i = from; i < end; i += STRIPES) {
                a0 += x[i]; a1 += x[i + 1]; a2 += x[i + 2]; a3 += x[i + 3];
                a4 += x[i + 4]; a5 += x[i + 5]; a6 += x[i + 6]; a7 += x[i + 7];
                a8 += x[i + 8]; a9 += x[i + 9]; a10 += x[i + 10]; a11 += x[i + 11];
                a12 += x[i + 12]; a13 += x[i + 13]; a14 += x[i + 14]; a15 += x[i + 15];
            }
        }
        acc[0] = a0; acc[1] = a1; acc[2] = a2; acc[3] = a3; acc[4] = a4; acc[5] = a5; acc[6] = a6; acc[7] = a7;
        acc[8] = a8; acc[9] = a9; acc[10] = a10; acc[11] = a11; acc[12] = a12; acc[13] = a13; acc[14] = a14;
        acc[15] = a15;
    }

    /** Whether the next {@code n} values fall in one block (a full block counts as done). */
    boolean fitsInBlock(int n) {
        return (pos == BLOCK ? 0 : pos) + n <= BLOCK;
    }

    /**
     * Hands the running sums to a kernel that continues them ({@code StripedKernel}):
     * {@code lanes[off + l]} is the sum of the stripe that the {@code l}-th next value (mod 16)
     * joins. The next values must fall in one block ({@link #fitsInBlock}).
     */
    void lanesOut(double[] lanes, int off) {
        if (pos == BLOCK) {
            close(block());
            java.util.Arrays.fill(acc, 0.0);
            pos = 0;
        }
        for (int l = 0; l < STRIPES; l++) {
            lanes[off + l] = acc[(pos + l) & (STRIPES - 1)];
        }
    }

    /** Takes the sums back from {@link #lanesOut}'s lanes after the kernel added {@code n} values. */
    void lanesIn(double[] lanes, int off, int n) {
        for (int l = 0; l < STRIPES; l++) {
            acc[(pos + l) & (STRIPES - 1)] = lanes[off + l];
        }
        pos += n;
    }

    /** The sum of everything added since {@link #reset}. */
    public double finish() {
        return pos == 0 ? total : total + block();
    }

    /**
     * The value of every block so far, in order, the open one last: the terms of the sum. A
     * tensor cut into parts at block boundaries and summed part by part ({@link SharedTensor})
     * gives its sum by adding all parts' terms to 0.0 in order, the same additions as one sum.
     */
    public double[] blocks() {
        double[] b = java.util.Arrays.copyOf(closed, nClosed + (pos == 0 ? 0 : 1));
        if (pos != 0) {
            b[nClosed] = block();
        }
        return b;
    }

    private void close(double block) {
        total += block;
        if (nClosed == closed.length) {
            closed = java.util.Arrays.copyOf(closed, 2 * nClosed);
        }
        closed[nClosed++] = block;
    }

    private double block() {
        return blockValue(acc);
    }

    /** A block's value: its sixteen stripe sums added left to right. */
    static double blockValue(double[] stripes) {
        double b = stripes[0];
        for (int s = 1; s < STRIPES; s++) {
            b += stripes[s];
        }
        return b;
    }
}
