package org.optjit.runtime.tensor;

/**
 * How {@link NewtonSchulz} cuts the product {@code X' = a*X + B*X} of a thin matrix, one
 * whose smaller side {@code r} is under {@link NewtonSchulz#TWO_PANELS}: its result has too
 * few columns (rows of {@code X'}) for panels of columns, but it is most of the work
 * ({@code 2 r^2 c} of about {@code 3 r^2 c} flops when {@code c >> r}), so from
 * {@link #SPLIT} long rows on it is cut along them, in panels of about {@link #ROWS} columns of
 * {@code X'} (rows of the column-major {@code M'}), multiples of 16. As with every panel, the
 * shape alone decides, not the thread count, so the bits do not depend on it. Below
 * {@code SPLIT} the product stays one call: a 10 x 256 classifier head makes its products in
 * microseconds.
 */
final class RowPanels {

    /** Rows of {@code X} from which the product is cut. */
    static final int SPLIT = 2048;

    /** Columns of {@code X'} per panel, about. */
    static final int ROWS = 1024;

    private RowPanels() {
    }

    /** Panels for a thin matrix of {@code c} columns in its wide orientation. */
    static int count(int c) {
        return c < SPLIT ? 1 : (c + ROWS - 1) / ROWS;
    }

    /** The width of every panel but the last, a multiple of 16 columns. */
    static int width(int c, int count) {
        int even = (c + count - 1) / count;
        return Math.min(c, (even + 15) / 16 * 16);
    }
}
