package org.optjit.train.trace;

/**
 * A 2-D error surface on which an update rule's path can be drawn (lecture 6a: "the
 * picture" of an optimizer is its path over the contour lines of the error).
 */
public enum Surface {

    /**
     * An elongated quadratic bowl, the error surface of a linear neuron (6a): curvature 1
     * along one axis and {@value #BOWL_RATIO} across it, turned by 30 degrees so that
     * methods which adapt per coordinate (6d: "only deals with axis-aligned effects") are
     * not favoured by the picture.
     */
    BOWL(-4.0, -1.5, 0.0, 0.0, -5, 5, -3, 3, 150),

    /** Rosenbrock's banana valley, {@code (1-x)^2 + 100 (y-x^2)^2}, minimum at (1, 1). */
    ROSENBROCK(-1.2, 1.0, 1.0, 1.0, -2, 2, -1, 3, 600);

    /** Ratio of the bowl's curvatures: the ellipses are {@code sqrt(25) = 5} times longer than wide. */
    public static final double BOWL_RATIO = 25;
    private static final double COS = Math.cos(Math.PI / 6);
    private static final double SIN = Math.sin(Math.PI / 6);

    private final double startX;
    private final double startY;
    private final double minX;
    private final double minY;
    private final double[] range;
    private final int defaultSteps;

    Surface(double startX, double startY, double minX, double minY, double x0, double x1, double y0, double y1, int steps) {
        this.startX = startX;
        this.startY = startY;
        this.minX = minX;
        this.minY = minY;
        this.range = new double[] {x0, x1, y0, y1};
        this.defaultSteps = steps;
    }

    public double value(double x, double y) {
        if (this == BOWL) {
            double u = COS * x + SIN * y;
            double v = -SIN * x + COS * y;
            return 0.5 * (u * u + BOWL_RATIO * v * v);
        }
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * b * b;
    }

    /** The gradient {@code (df/dx, df/dy)}. */
    public double[] gradient(double x, double y) {
        if (this == BOWL) {
            double u = COS * x + SIN * y;
            double v = -SIN * x + COS * y;
            double du = u;
            double dv = BOWL_RATIO * v;
            return new double[] {COS * du - SIN * dv, SIN * du + COS * dv};
        }
        double b = y - x * x;
        return new double[] {-2 * (1 - x) - 400 * x * b, 200 * b};
    }

    public double startX() {
        return startX;
    }

    public double startY() {
        return startY;
    }

    /** Where the minimum is. */
    public double[] minimum() {
        return new double[] {minX, minY};
    }

    /** Plot range {x0, x1, y0, y1}. */
    public double[] range() {
        return range.clone();
    }

    public int defaultSteps() {
        return defaultSteps;
    }

    /** The value at the minimum (0 for both) plus a positive offset keeps logarithmic levels defined. */
    public double minimumValue() {
        return value(minX, minY);
    }
}
