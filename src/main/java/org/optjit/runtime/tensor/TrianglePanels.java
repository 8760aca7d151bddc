package org.optjit.runtime.tensor;

/**
 * Where the panels of a symmetric product's upper triangle begin ({@link NewtonSchulz}): the
 * panel of result columns {@code [j, end)} is {@code j} rows of a general product above a
 * {@code (end - j)}-square block on the diagonal, so columns further right cost more, and
 * the triangle's first {@code q} columns hold about {@code q^2 / 2} of its {@code r^2 / 2}
 * elements. Panel {@code p} of {@code P} therefore starts at {@code r * sqrt(p / P)}, rounded
 * to a multiple of 16 columns: each panel about the same work, so that threads sharing a
 * product finish it together. Like the general products' panels, the boundaries follow the
 * shape alone, never the thread count.
 */
final class TrianglePanels {

    private TrianglePanels() {
    }

    /**
     * The first column of panel {@code p} of {@code panels} over {@code r} columns ({@code r}
     * for {@code p == panels}): balanced as above, or else every {@code width} columns (the
     * general products' panels, which tests use on small matrices).
     */
    static int start(int p, int panels, int r, int width, boolean balanced) {
        if (p >= panels) {
            return r;
        }
        if (!balanced) {
            return Math.min(r, p * width);
        }
        return (int) Math.round(r * Math.sqrt((double) p / panels) / 16) * 16;
    }
}
