package org.optjit.examples;

/**
 * Two-weight test functions for the convergence tests: the elongated quadratic bowl of
 * lecture 6a and Rosenbrock's banana valley. The value and gradient are computed in double
 * at the float weights; the gradient is rounded to float, as a trainer would hand it over.
 */
enum Problem {

    /**
     * {@code f(x, y) = (x^2 + 25 y^2) / 2}: an ellipse 5 times longer than wide, where the
     * gradient points mostly across the ravine (lecture 6a). Minimum 0 at (0, 0).
     */
    PARABOLA(-3, 1) {
        @Override
        double value(double x, double y) {
            return (x * x + 25 * y * y) / 2;
        }

        @Override
        void gradient(double x, double y, float[] g) {
            g[0] = (float) x;
            g[1] = (float) (25 * y);
        }
    },

    /**
     * {@code f(x, y) = (1 - x)^2 + 100 (y - x^2)^2} from Rosenbrock's start (-1.2, 1):
     * a curved, flat-bottomed valley. Minimum 0 at (1, 1).
     */
    ROSENBROCK(-1.2, 1) {
        @Override
        double value(double x, double y) {
            double a = 1 - x;
            double b = y - x * x;
            return a * a + 100 * b * b;
        }

        @Override
        void gradient(double x, double y, float[] g) {
            double b = y - x * x;
            g[0] = (float) (-2 * (1 - x) - 400 * x * b);
            g[1] = (float) (200 * b);
        }
    };

    private final double x0;
    private final double y0;

    Problem(double x0, double y0) {
        this.x0 = x0;
        this.y0 = y0;
    }

    abstract double value(double x, double y);

    abstract void gradient(double x, double y, float[] g);

    /** A fresh copy of the starting point. */
    float[] start() {
        return new float[] {(float) x0, (float) y0};
    }

    double value(float[] w) {
        return value(w[0], w[1]);
    }
}
