package org.optjit.runtime.tensor;

import java.util.Objects;
import org.optjit.runtime.Claims;

/**
 * The tensor operation {@code orth(e)}: the orthogonalisation of Muon (K. Jordan et al.,
 * "Muon: an optimizer for hidden layers in neural networks", 2024), an approximation of the
 * polar factor {@code U V^T} of {@code G = U S V^T} by a quintic Newton-Schulz iteration.
 *
 * <p>The contract (issue "Rules over tensors"):
 * <ol>
 *   <li>A vector ({@code rows == 1} or {@code cols == 1}) gives {@code e / (norm(e) + 1e-7)},
 *       the polar factor of an {@code n x 1} matrix, computed directly.</li>
 *   <li>Otherwise {@code X} is the input in its wide orientation: {@code G} itself when
 *       {@code rows <= cols}, {@code G^T} when {@code rows > cols}, so that {@code X X^T} is
 *       the smaller Gram matrix ({@code r x r}, {@code r = min(rows, cols)}).</li>
 *   <li>{@code X <- X / (||X||_F + 1e-7)}: every singular value is then at most 1.</li>
 *   <li>Five times: {@code A = X X^T; B = b*A + c*A*A; X <- a*X + B*X} with
 *       {@code (a, b, c) = (3.4445, -4.7750, 2.0315)}. The quintic
 *       {@code p(s) = a*s + b*s^3 + c*s^5} acts on each singular value; its coefficients
 *       trade exactness for speed, so singular values end in a band around 1 (about 0.7 to
 *       1.2) rather than at 1, which Muon's authors found does not hurt training.</li>
 *   <li>The result, transposed back when the input was tall, is written in the input's
 *       shape.</li>
 * </ol>
 *
 * <h2>Numbers</h2>
 * Matrices are float32; the three products of an iteration go through the {@link Sgemm}
 * given to the constructor, and make about {@code r^2 c + r^3 + 2 r^2 c} flops, all of the
 * cost for matrices of any size: {@code A = X X^T} and {@code A*A} are symmetric, so only
 * their upper triangles are computed ({@link Sgemm#ssyrkUpper}, about half the flops of a
 * general product) and then mirrored. Against general products for all three, the bundled
 * OpenBLAS takes 1.2-1.3x less time for 256 x 784 to 1024 x 1024 on one thread
 * (benchmarks/RESULTS.md, 2026-12-02).
 *
 * <p>The Frobenius norm is accumulated in double, one accumulator, in row-major order of the
 * wide orientation {@code X} (so over the input's memory order when it is wide, down its
 * columns when it is tall), and square-rooted in double; each element is then divided by
 * {@code norm + 1e-7} in double and rounded to float once. The vector case accumulates the
 * same way over the input's memory order.
 *
 * <p>Because the tall case is the wide case of the transpose, step for step,
 * {@code orth(G^T)} equals {@code orth(G)^T} bit for bit. The result is deterministic (the
 * same bits for the same input on every call) as long as the {@link Sgemm} is; see there.
 * A zero input gives zeros.
 *
 * <h2>Storage</h2>
 * Inputs and outputs are row-major regions of {@code float[]} arrays, given by an offset.
 * A row-major {@code r x c} matrix is, read column-major, its transpose; the products are
 * written for BLAS in that view ({@code M = X^T}: {@code A = M^T M}, {@code B*X} is
 * {@code M B^T}). The workspace (the iterate, the next iterate, {@code A} and {@code B}:
 * {@code 2rc + 2r^2} floats) is kept per thread and grows to the largest shape that thread
 * has seen, so calls after a thread's first for a shape allocate nothing, and one instance
 * serves several threads on different tensors at once (helpers of one call work in the
 * caller's workspace, on different panels).
 *
 * <h2>Panels and threads</h2>
 * Each product is made panel by panel of its result's columns, the panels a function of the
 * matrix's shape alone ({@link Panels}): one panel below 256 columns, two up to 1,024, then
 * about 512 columns each. {@code X'} takes one sgemm call per panel of equal width; a
 * triangle's panel of columns {@code J} is one sgemm for the rows above {@code J} and one
 * ssyrk for the block on the diagonal, its boundaries set for equal work, and mirroring is
 * a phase of its own, by panels of equal width. A thin matrix (one panel of columns) makes
 * {@code X'} in panels of its long rows instead, from 2,048 on. A result's column does not
 * depend on the other columns, and the calls are the same calls with the same arguments on
 * one thread or on several, so the bits cannot depend on the thread count, even where the
 * provider's own kernels depend on a product's shape. Given {@code threads > 1}, the caller
 * and helpers from the step pool take the panels of each phase in turn ({@link Claims}) and
 * meet after each phase: a worker with a large matrix takes the help of threads that finished their own
 * tensors, and threads that share one matrix ({@code SharedTensor}) share its products.
 */
public final class NewtonSchulz implements Orthogonalizer {

    /** Newton-Schulz coefficients of Keller Jordan's quintic. */
    public static final float A = 3.4445f;
    public static final float B = -4.7750f;
    public static final float C = 2.0315f;

    /** Iterations of the quintic. */
    public static final int ITERATIONS = 5;

    /** Added to the norm before dividing, so that a zero input gives zeros. */
    public static final double EPS = 1e-7;

    /**
     * The steps of an iteration, each a phase of panels: the upper triangle of {@code A}, its
     * lower triangle mirrored, the upper triangle of {@code B}, mirrored, then {@code X'}.
     */
    static final int GRAM = 0;
    static final int MIRROR_GRAM = 1;
    static final int POLY = 2;
    static final int MIRROR_POLY = 3;
    static final int NEXT = 4;
    static final int PHASES = 5;

    /** Rows and columns of a tile that mirroring copies at a time. */
    private static final int MIRROR_TILE = 32;

    /**
     * One thread's buffers: the iterate and the next one ({@code r x c}), {@code A} and
     * {@code B} ({@code r x r}, upper triangles made by ssyrk, then mirrored).
     */
    private static final class Workspace {
        float[] x = new float[0];
        float[] next = new float[0];
        float[] gram = new float[0];
        float[] poly = new float[0];

        void reserve(int r, int c) {
            if (x.length < r * c) {
                x = new float[r * c];
                next = new float[r * c];
            }
            // r more than r x r: netlib's ssyrk checks the last diagonal block as if it had r
            // full columns (offset + n * ldc), though it reads no element past the matrix
            if (gram.length < r * r + r) {
                gram = new float[r * r + r];
                poly = new float[r * r + r];
            }
        }
    }

    private final Sgemm sgemm;
    /** Fixed panel width (tests), or 0: the panels the shape gives ({@link Panels}). */
    private final int fixedPanel;
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    /** @param sgemm the matrix product every iteration uses (see {@link Sgemm} on determinism) */
    public NewtonSchulz(Sgemm sgemm) {
        this(sgemm, 0);
    }

    /** With panels of {@code panel} columns whatever the shape (0: by shape): for tests on small matrices. */
    NewtonSchulz(Sgemm sgemm, int panel) {
        if (panel < 0) {
            throw new IllegalArgumentException("panel " + panel);
        }
        this.sgemm = Objects.requireNonNull(sgemm, "sgemm");
        this.fixedPanel = panel;
    }

    @Override
    public void orthogonalize(float[] in, float[] out, int offset, int rows, int cols, int threads) {
        orth(in, offset, rows, cols, out, offset, threads);
    }

    /** {@link #orth(float[], int, int, int, float[], int, int)} on the calling thread alone. */
    public void orth(float[] in, int inOff, int rows, int cols, float[] out, int outOff) {
        orth(in, inOff, rows, cols, out, outOff, 1);
    }

    /**
     * Writes {@code orth} of the {@code rows x cols} row-major matrix at {@code in[inOff]}
     * into the region of the same shape at {@code out[outOff]}. {@code out} may be the input
     * region itself (the input is read completely before anything is written); other
     * overlaps are not allowed.
     *
     * @param threads how many threads share the products (the calling thread and others of
     *                the step pool); the result is the same for any value
     */
    public void orth(float[] in, int inOff, int rows, int cols, float[] out, int outOff, int threads) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("orth of a " + rows + " x " + cols + " matrix");
        }
        int size = Math.multiplyExact(rows, cols);
        Objects.checkFromIndexSize(inOff, size, in.length);
        Objects.checkFromIndexSize(outOff, size, out.length);
        if (rows == 1 || cols == 1) {
            double norm = Math.sqrt(sumOfSquares(in, inOff, size));
            divide(in, inOff, size, norm + EPS, out, outOff);
            return;
        }
        boolean wide = rows <= cols;
        int r = wide ? rows : cols;
        int c = wide ? cols : rows;
        Workspace ws = workspaces.get();
        ws.reserve(r, c);
        if (wide) {
            System.arraycopy(in, inOff, ws.x, 0, size);
        } else {
            Transpose.transpose(in, inOff, rows, cols, ws.x, 0);
        }
        double norm = Math.sqrt(sumOfSquares(ws.x, 0, size));
        divide(ws.x, 0, size, norm + EPS, ws.x, 0);
        // The iterates alternate between ws.x and ws.next; the last lands in out when it needs
        // no transposing.
        Panels p = fixedPanel > 0 ? Panels.fixed(r, c, fixedPanel) : Panels.of(r, c);
        int perPhase = p.perPhase();
        Claims.runPhases(PHASES * ITERATIONS, perPhase, threads, index -> {
            int phase = index / perPhase;
            int panel = index % perPhase;
            int step = phase % PHASES;
            if (panel >= (step == NEXT ? perPhase : p.columns)) {
                return;   // this step has fewer panels than the widest one
            }
            int it = phase / PHASES;
            boolean last = it == ITERATIONS - 1;
            float[] src = it % 2 == 0 ? ws.x : ws.next;
            float[] dst = last && wide ? out : it % 2 == 0 ? ws.next : ws.x;
            int dstOff = last && wide ? outOff : 0;
            if (step == GRAM || step == POLY) {
                int first = p.triangleStart(panel);
                triangle(step, src, ws.gram, ws.poly, r, c, first, p.triangleStart(panel + 1) - first);
            } else if (step != NEXT) {
                int first = panel * p.width;
                mirror(step == MIRROR_GRAM ? ws.gram : ws.poly, r, first, Math.min(p.width, r - first));
            } else if (p.rows > 1) {
                int row = panel * p.rowWidth;
                nextRows(src, ws.poly, r, c, row, Math.min(p.rowWidth, c - row), dst, dstOff);
            } else {
                int first = panel * p.width;
                next(src, ws.poly, r, c, first, Math.min(p.width, r - first), dst, dstOff);
            }
        });
        if (!wide) {
            Transpose.transpose(ITERATIONS % 2 == 1 ? ws.next : ws.x, 0, r, c, out, outOff);
        }
    }

    /**
     * Columns {@code [j, j + n)} of the upper triangle of {@code A = X X^T} ({@link #GRAM};
     * {@code x} is {@code r x c} row-major, which BLAS reads as the column-major {@code c x r}
     * matrix {@code M = X^T}, so {@code A = M^T M}) or of {@code B = b*A + c*A*A}
     * ({@link #POLY}; {@code A} symmetric, so {@code A*A = A A^T}): the rows above the panel
     * are one general product, the panel's diagonal block one symmetric product.
     */
    private void triangle(int step, float[] x, float[] gram, float[] poly, int r, int c, int j, int n) {
        if (step == GRAM) {
            if (j > 0) {
                sgemm.sgemm("T", "N", j, n, c, 1f, x, 0, c, x, j * c, c, 0f, gram, j * r, r);
            }
            sgemm.ssyrkUpper("T", n, c, 1f, x, j * c, c, 0f, gram, j * r + j, r);
        } else {
            for (int i = j * r; i < (j + n) * r; i++) {
                poly[i] = B * gram[i];
            }
            if (j > 0) {
                sgemm.sgemm("N", "N", j, n, r, C, gram, 0, r, gram, j * r, r, 1f, poly, j * r, r);
            }
            // A symmetric: (A*A)[J, J] = A[:, J]^T A[:, J], from whole columns
            sgemm.ssyrkUpper("T", n, r, C, gram, j * r, r, 1f, poly, j * r + j, r);
        }
    }

    /** Columns {@code [j, j + n)} of the strictly lower triangle of {@code s} ({@code r x r}) from its upper one. */
    private static void mirror(float[] s, int r, int j, int n) {
        // in tiles of MIRROR_TILE x MIRROR_TILE: a column's reads go across rows, r floats
        // apart; within a tile the rows' lines stay in L1 for all its columns
        for (int c0 = j; c0 < j + n; c0 += MIRROR_TILE) {
            int c1 = Math.min(j + n, c0 + MIRROR_TILE);
            for (int r0 = c0; r0 < r; r0 += MIRROR_TILE) {
                int r1 = Math.min(r, r0 + MIRROR_TILE);
                for (int col = c0; col < c1; col++) {
                    for (int row = Math.max(r0, col + 1); row < r1; row++) {
                        s[col * r + row] = s[row * r + col];
                    }
                }
            }
        }
    }

    /**
     * Columns {@code [j, j + n)} of {@code M' = a*M + M*B^T} into {@code dst[dstOff]}: rows
     * {@code J} of {@code X' = a*X + B*X}, which take {@code B}'s rows {@code J}.
     */
    private void next(float[] x, float[] poly, int r, int c, int j, int n, float[] dst, int dstOff) {
        for (int i = j * c; i < (j + n) * c; i++) {
            dst[dstOff + i] = A * x[i];
        }
        sgemm.sgemm("N", "T", c, n, r, 1f, x, 0, c, poly, j, r, 1f, dst, dstOff + j * c, c);
    }

    /**
     * Rows {@code [i, i + m)} of {@code M' = a*M + M*B^T} ({@code c x r}) into {@code dst[dstOff]}:
     * columns {@code [i, i + m)} of {@code X'}, each the same dot products as in {@link #next}.
     */
    private void nextRows(float[] x, float[] poly, int r, int c, int i, int m, float[] dst, int dstOff) {
        for (int col = 0; col < r; col++) {
            for (int e = col * c + i; e < col * c + i + m; e++) {
                dst[dstOff + e] = A * x[e];
            }
        }
        sgemm.sgemm("N", "T", m, r, r, 1f, x, i, c, poly, 0, r, 1f, dst, dstOff + i, c);
    }

    /** Sum of squares in double, one accumulator, in index order. */
    static double sumOfSquares(float[] a, int off, int n) {
        double sum = 0;
        for (int i = off; i < off + n; i++) {
            double v = a[i];
            sum += v * v;
        }
        return sum;
    }

    /** {@code dst[i] = (float) (src[i] / divisor)}, the division in double. */
    private static void divide(float[] src, int srcOff, int n, double divisor, float[] dst, int dstOff) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = (float) (src[srcOff + i] / divisor);
        }
    }
}
