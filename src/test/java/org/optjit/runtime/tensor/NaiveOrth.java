package org.optjit.runtime.tensor;

/**
 * An independent reference for {@code orth}: the contract written out in double with plain
 * loops, on {@code double[rows][cols]} matrices, transposing explicitly.
 */
final class NaiveOrth {

    static final double A = 3.4445;
    static final double B = -4.7750;
    static final double C = 2.0315;

    private NaiveOrth() {
    }

    static double[][] orth(double[][] g) {
        int rows = g.length;
        int cols = g[0].length;
        if (rows == 1 || cols == 1) {
            return scale(g, 1 / (frobenius(g) + 1e-7));
        }
        boolean tall = rows > cols;
        double[][] x = tall ? transpose(g) : g;
        x = scale(x, 1 / (frobenius(x) + 1e-7));
        for (int it = 0; it < 5; it++) {
            double[][] a = multiply(x, transpose(x));
            double[][] b = add(scale(a, B), scale(multiply(a, a), C));
            x = add(scale(x, A), multiply(b, x));
        }
        return tall ? transpose(x) : x;
    }

    static double frobenius(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    static double[][] multiply(double[][] p, double[][] q) {
        int n = p.length;
        int k = q.length;
        int m = q[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += p[i][l] * q[l][j];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    private static double[][] scale(double[][] m, double s) {
        double[][] out = new double[m.length][m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                out[i][j] = s * m[i][j];
            }
        }
        return out;
    }

    private static double[][] add(double[][] p, double[][] q) {
        double[][] out = new double[p.length][p[0].length];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p[0].length; j++) {
                out[i][j] = p[i][j] + q[i][j];
            }
        }
        return out;
    }
}
