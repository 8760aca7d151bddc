package org.optjit.train.model.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.train.model.layers.Sequential.Part;

/**
 * Every layer's backward pass against central finite differences of its forward pass: for a
 * fixed random projection {@code L = sum_i r_i y_i} (summed in double), the parameter
 * gradient and the input gradient that {@code backward} gives for {@code dy = r} must match
 * {@code (L(p + h) - L(p - h)) / 2h} to {@code 3e-3 + 3e-2 |numeric|}, with {@code h = 1e-2}
 * (float32 forward passes: smaller steps drown in rounding), {@code h = 1e-3} for pooling,
 * which is piecewise linear. Inputs stay at least 0.05 from zero, where ReLU has its kink,
 * and their magnitudes are at least 0.0026 apart, so no max-pooling window changes its
 * winner within h.
 */
class LayerGradientTest {

    static Stream<Arguments> layers() {
        Shape img = new Shape(7, 6, 3);
        return Stream.of(
                Arguments.of("dense", (Supplier<Layer<?>>) () -> new Dense(5, 4)),
                Arguments.of("dense per position, no bias", (Supplier<Layer<?>>) () -> new Dense(4, 3, 3, false)),
                Arguments.of("conv 3x3x4", (Supplier<Layer<?>>) () -> new Conv2d(img, 4, 3, 1, 0)),
                Arguments.of("conv 3x3x2 stride 2 pad 1", (Supplier<Layer<?>>) () -> new Conv2d(img, 2, 3, 2, 1)),
                Arguments.of("max-pool 2", (Supplier<Layer<?>>) () -> new Pool2d(Pool2d.Kind.MAX, img, 2, 2)),
                Arguments.of("avg-pool 3 stride 2", (Supplier<Layer<?>>) () -> new Pool2d(Pool2d.Kind.AVERAGE, img, 3, 2)),
                Arguments.of("relu", (Supplier<Layer<?>>) () -> new Pointwise(Pointwise.Kind.RELU, 9)),
                Arguments.of("gelu", (Supplier<Layer<?>>) () -> new Pointwise(Pointwise.Kind.GELU, 9)),
                Arguments.of("layer norm", (Supplier<Layer<?>>) () -> new LayerNorm(6, 3)),
                Arguments.of("attention 2 heads", (Supplier<Layer<?>>) () -> new CausalSelfAttention(8, 2, 4)),
                Arguments.of("last position", (Supplier<Layer<?>>) () -> new LastPosition(3, 4)),
                Arguments.of("residual(norm, dense, gelu)", (Supplier<Layer<?>>) () -> new Residual(new Sequential(List.of(
                        new Part("norm", new LayerNorm(4, 2)), new Part("dense", new Dense(4, 4, 2, true)),
                        new Part("gelu", new Pointwise(Pointwise.Kind.GELU, 8)))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void backwardMatchesFiniteDifferences(String name, Supplier<Layer<?>> make) {
        check(make.get(), 3, true);
    }

    @org.junit.jupiter.api.Test
    void embedding() {
        Embedding e = new Embedding(5, 3, 4, 5);
        // token ids are inputs without a gradient: only the tables are checked
        check(e, 3, false);
    }

    static <S> void check(Layer<S> layer, int m, boolean inputGradient) {
        float h = layer instanceof Pool2d ? 1e-3f : 1e-2f;
        SplittableRandom r = new SplittableRandom(11);
        layer.place(0);
        float[] p = new float[layer.parameterCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (r.nextDouble() - 0.5);
        }
        float[] x = inputs(layer, m, r);
        float[] proj = new float[m * layer.outputSize()];
        for (int i = 0; i < proj.length; i++) {
            proj[i] = (float) (r.nextDouble() * 2 - 1);
        }
        S s = layer.newScratch(m);
        float[] y = new float[proj.length];
        layer.forward(p, x, y, m, s);
        float[] g = new float[p.length];
        float[] dx = inputGradient ? new float[x.length] : null;
        layer.backward(p, g, x, y, proj, dx, m, s);
        differences(layer, p, x, proj, m, h, p, g, "parameter");
        if (inputGradient) {
            differences(layer, p, x, proj, m, h, x, dx, "input");
        }
    }

    /** Each element of {@code varied} (the parameters or the inputs) against its analytic derivative. */
    private static <S> void differences(Layer<S> layer, float[] p, float[] x, float[] proj, int m, float h,
                                        float[] varied, float[] analytic, String what) {
        for (int i = 0; i < varied.length; i++) {
            float keep = varied[i];
            varied[i] = keep + h;
            double plus = projected(layer, p, x, proj, m);
            varied[i] = keep - h;
            double minus = projected(layer, p, x, proj, m);
            varied[i] = keep;
            near(analytic[i], (plus - minus) / (2 * h), layer.describe() + " " + what + " " + i);
        }
    }

    private static float[] inputs(Layer<?> layer, int m, SplittableRandom r) {
        float[] x = new float[m * layer.inputSize()];
        if (layer instanceof Embedding) {
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(5);
            }
            return x;
        }
        // distinct magnitudes in [0.05, 1.05) with random signs: no kinks or ties within h
        for (int i = 0; i < x.length; i++) {
            double v = 0.05 + (double) i / x.length + r.nextDouble() * 0.5 / x.length;
            x[i] = (float) (r.nextBoolean() ? v : -v);
        }
        for (int i = x.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            float t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
        return x;
    }

    private static <S> double projected(Layer<S> layer, float[] p, float[] x, float[] proj, int m) {
        float[] y = new float[proj.length];
        layer.forward(p, x, y, m, layer.newScratch(m));
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (double) proj[i] * y[i];
        }
        return sum;
    }

    private static void near(double analytic, double numeric, String what) {
        assertTrue(Math.abs(analytic - numeric) <= 3e-3 + 3e-2 * Math.abs(numeric),
                what + ": backward " + analytic + ", finite differences " + numeric);
    }
}
