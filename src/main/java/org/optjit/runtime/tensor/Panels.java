package org.optjit.runtime.tensor;

/**
 * How the products of one {@code orth} ({@link NewtonSchulz}) are cut into panels, by the
 * matrix's shape alone, never by the thread count: so the BLAS calls, and the bits, are the
 * same on one thread as on several. {@code r} is the smaller side (the Gram matrix is
 * {@code r x r}), {@code c} the larger.
 *
 * <ul>
 *   <li>Panels of result columns ({@link #panels(int)}): one below {@link #TWO_PANELS}
 *       columns, two up to 1,024, then about {@link #PANEL} each, in multiples of 16. {@code X'}
 *       takes them at equal widths, and so does mirroring a triangle.</li>
 *   <li>A symmetric product's upper triangle ({@link #triangleStart}): the panel of columns
 *       {@code [j, end)} is {@code j} rows of a general product above a square block on the
 *       diagonal, so columns further right cost more; the first {@code q} columns hold about
 *       {@code q^2 / 2} of the triangle's {@code r^2 / 2} elements, so panel {@code p} of
 *       {@code P} starts at {@code r * sqrt(p / P)}, rounded to 16: about equal work each.</li>
 *   <li>A thin matrix ({@code r} under {@link #TWO_PANELS}, one panel of columns) cuts
 *       {@code X' = a*X + B*X}, about two thirds of its flops when {@code c >> r}, along its
 *       long rows instead, from {@link #ROW_SPLIT} on, in panels of about {@link #ROWS}. Below
 *       that it stays one call: a 10 x 256 classifier head makes its products in microseconds.</li>
 * </ul>
 *
 * <p>Tests use fixed panels of a given width on small matrices ({@link #fixed}): every width
 * columns, for triangles too, and for the rows of a matrix of one panel of columns.
 */
final class Panels {

    /**
     * Result columns per call on wide products (more than 1,024 columns), about. Narrower
     * panels cost time on one thread (each call packs the left operand again, and narrow
     * products run below the BLAS's peak): the five iterations' products of a 1024 x 1024
     * matrix on the bundled OpenBLAS took 2% longer in panels of 512, 5-7% in panels of 256
     * and 20% in panels of 128; those of 256 x 784 (the trainer's first layer) 7% longer in
     * panels of 128 (benchmarks/RESULTS.md).
     */
    static final int PANEL = 512;

    /**
     * Products with fewer result columns than this are one call: two threads would each get
     * fewer than 128 columns, and a step of such a matrix takes a few milliseconds at most.
     */
    static final int TWO_PANELS = 256;

    /** Long rows of a thin matrix from which its {@code X'} is cut along them. */
    static final int ROW_SPLIT = 2048;

    /** Columns of {@code X'} per row panel, about. */
    static final int ROWS = 1024;

    /** The width of every panel of columns but the last. */
    final int width;
    /** Panels of columns, and of triangles. */
    final int columns;
    /** Panels of {@code X'}'s long rows (1: {@code X'} goes by columns). */
    final int rows;
    /** The height of every row panel but the last. */
    final int rowWidth;
    private final int r;
    private final boolean balanced;

    private Panels(int r, int width, int rows, int rowWidth, boolean balanced) {
        this.r = r;
        this.width = width;
        this.columns = (r + width - 1) / width;
        this.rows = rows;
        this.rowWidth = rowWidth;
        this.balanced = balanced;
    }

    /** The panels of an {@code orth} whose wide orientation is {@code r x c}. */
    static Panels of(int r, int c) {
        int rows = panels(r) > 1 || c < ROW_SPLIT ? 1 : (c + ROWS - 1) / ROWS;
        return new Panels(r, panelWidth(r), rows, rows == 1 ? c : roundedShare(c, rows), true);
    }

    /** Panels of {@code width} columns (and rows, for one panel of columns) whatever the shape. */
    static Panels fixed(int r, int c, int width) {
        int rows = r > width ? 1 : (c + width - 1) / width;
        return new Panels(r, width, rows, width, false);
    }

    /**
     * How many panels a product with {@code columns} result columns is cut into: 1 below
     * {@link #TWO_PANELS}, at least 2 from there, and about {@link #PANEL} columns each beyond
     * 1,024.
     */
    static int panels(int columns) {
        return columns < TWO_PANELS ? 1 : Math.max(2, (columns + PANEL - 1) / PANEL);
    }

    /** The width of every panel but the last (which takes the rest): a multiple of 16 columns. */
    static int panelWidth(int columns) {
        return roundedShare(columns, panels(columns));
    }

    /** {@code n / parts}, rounded up to a multiple of 16, at most {@code n}. */
    private static int roundedShare(int n, int parts) {
        int even = (n + parts - 1) / parts;
        return Math.min(n, (even + 15) / 16 * 16);
    }

    /** Tasks per phase: the most panels any step has. */
    int perPhase() {
        return Math.max(columns, rows);
    }

    /** The first column of triangle panel {@code p} ({@code r} for {@code p == columns}). */
    int triangleStart(int p) {
        if (p >= columns) {
            return r;
        }
        if (!balanced) {
            return Math.min(r, p * width);
        }
        return (int) Math.round(r * Math.sqrt((double) p / columns) / 16) * 16;
    }
}
