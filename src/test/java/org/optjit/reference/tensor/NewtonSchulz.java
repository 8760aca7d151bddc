package org.optjit.reference.tensor;

/**
 * Muon's orthogonalisation (Jordan et al. 2024, muon.py's zeropower_via_newtonschulz5),
 * computed in double with plain loops: the input divided by its Frobenius norm + 1e-7,
 * transposed when it has more rows than columns, then five quintic Newton-Schulz iterations
 * {@code A = X X^T; B = b A + c A A; X = a X + B X} with (a, b, c) = (3.4445, -4.7750, 2.0315).
 * (The language's {@code orth} of a vector, {@code u / (||u|| + 1e-7)}, is not this: Muon
 * sends vectors to AdamW.)
 */
final class NewtonSchulz {

    static final double A = 3.4445;
    static final double B = -4.7750;
    static final double C = 2.0315;
    static final int STEPS = 5;

    private NewtonSchulz() {
    }

    /** The orthogonalised {@code rows x cols} row-major matrix {@code u}. */
    static double[][] orth(double[][] u) {
        int rows = u.length;
        int cols = u[0].length;
        boolean transposed = rows > cols;
        double[][] x = transposed ? transpose(u) : copy(u);
        double sumsq = 0;
        for (double[] row : x) {
            for (double e : row) {
                sumsq += e * e;
            }
        }
        double scale = Math.sqrt(sumsq) + 1e-7;
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= scale;
            }
        }
        for (int k = 0; k < STEPS; k++) {
            double[][] a = multiply(x, transpose(x));
            double[][] b = add(B, a, C, multiply(a, a));
            x = add(A, x, 1, multiply(b, x));
        }
        return transposed ? transpose(x) : x;
    }

    private static double[][] multiply(double[][] p, double[][] q) {
        int n = p.length;
        int m = q[0].length;
        double[][] r = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < q.length; k++) {
                for (int j = 0; j < m; j++) {
                    r[i][j] += p[i][k] * q[k][j];
                }
            }
        }
        return r;
    }

    /** {@code alpha p + beta q}. */
    private static double[][] add(double alpha, double[][] p, double beta, double[][] q) {
        double[][] r = new double[p.length][p[0].length];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p[0].length; j++) {
                r[i][j] = alpha * p[i][j] + beta * q[i][j];
            }
        }
        return r;
    }

    private static double[][] transpose(double[][] p) {
        double[][] r = new double[p[0].length][p.length];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p[0].length; j++) {
                r[j][i] = p[i][j];
            }
        }
        return r;
    }

    private static double[][] copy(double[][] p) {
        double[][] r = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            r[i] = p[i].clone();
        }
        return r;
    }
}
