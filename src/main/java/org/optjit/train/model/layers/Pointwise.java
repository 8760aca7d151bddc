package org.optjit.train.model.layers;

/**
 * An activation applied to every element: {@code RELU} (max(0, x)) or {@code GELU}
 * (Hendrycks and Gimpel 2016, in the tanh approximation GPT-2 uses:
 * {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}).
 */
public final class Pointwise extends Layer<Void> {

    public enum Kind { RELU, GELU }

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double CUBIC = 0.044715;

    private final Kind kind;

    public Pointwise(Kind kind, int size) {
        super(size, size);
        this.kind = kind;
    }

    @Override
    public Void newScratch(int rows) {
        return null;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int m, Void s) {
        int n = m * inputSize();
        if (kind == Kind.RELU) {
            for (int i = 0; i < n; i++) {
                y[i] = Math.max(0f, x[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                double v = x[i];
                y[i] = (float) (0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + CUBIC * v * v * v))));
            }
        }
    }

    @Override
    public void backward(float[] params, float[] grad, float[] x, float[] y, float[] dy, float[] dx, int m, Void s) {
        if (dx == null) {
            return;
        }
        int n = m * inputSize();
        if (kind == Kind.RELU) {
            for (int i = 0; i < n; i++) {
                dx[i] = x[i] > 0 ? dy[i] : 0f;
            }
        } else {
            for (int i = 0; i < n; i++) {
                double v = x[i];
                double t = Math.tanh(SQRT_2_OVER_PI * (v + CUBIC * v * v * v));
                double d = 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * CUBIC * v * v);
                dx[i] = (float) (dy[i] * d);
            }
        }
    }

    @Override
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
