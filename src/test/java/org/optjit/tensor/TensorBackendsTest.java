package org.optjit.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.Backend;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/**
 * Every backend and thread count runs a corpus of rules over tensors bit for bit like the
 * interpreter on one thread (the language's promise: reductions accumulate in an order that
 * depends on neither), on a layout of odd matrices and vectors in two groups with different
 * hyperparameters, and on one with a tensor longer than a reduction block (65,536 values)
 * and than a pass's tile, and on two whose matrix is so large that several threads share it
 * (cut into parts of whole blocks, whose sums are added in order; for rules that run row by
 * row, of whole rows too, with a level that adds a column's sums on one thread). Rules whose per-weight code
 * uses cos/sin/tanh may differ on VECTOR by the stated ulp bound.
 */
class TensorBackendsTest {

    /** Name, source; every rule has a hyperparameter lr that the second group changes. */
    static final List<String[]> RULES = List.of(
            new String[] {"clip_global", """
                    hyper lr = 0.1, max_norm = 1
                    gn = norm[all](g)
                    g *= min(1, max_norm/(gn + 1e-6))
                    w -= lr*g"""},
            new String[] {"lamb", """
                    hyper lr = 0.01
                    m = 0.9*m + 0.1*g
                    v = 0.99*v + 0.01*g*g
                    r = m/(sqrt(v) + 1e-6) + 0.01*w
                    wn = norm(w); rn = norm(r)
                    trust = wn > 0 && rn > 0 ? wn/rn : 1
                    w -= lr*trust*r"""},
            new String[] {"novograd", """
                    hyper lr = 0.01
                    v = t == 1 ? sum(g^2) : 0.98*v + 0.02*sum(g^2)
                    m = 0.95*m + g/(sqrt(v) + 1e-8)
                    w -= lr*m"""},
            new String[] {"factored", """
                    hyper lr = 0.01
                    state r: row, c: col
                    r = 0.9*r + 0.1*mean[row](g^2 + 1e-30)
                    c = 0.9*c + 0.1*mean[col](g^2 + 1e-30)
                    v = r*c/mean(r)
                    u = g/sqrt(v)
                    u /= max(1, rms(u))
                    w -= lr*max(1e-3, rms(w))*u"""},
            new String[] {"shapes", """
                    hyper lr = 0.01
                    w -= ndim == 1 ? lr*g : lr*g*rows/cols + size*1e-6*sign(g)"""},
            new String[] {"extremes", """
                    hyper lr = 0.01
                    a = max[tensor](abs(g)); b = min[row](g); c = max[col](w); d = min[all](g)
                    w -= lr*(g/a + b + c + d)"""},
            new String[] {"tensor_extremes", """
                    hyper lr = 0.01
                    a = max[tensor](abs(g)); d = min[all](g); e = mean(g)
                    w -= lr*(g/a + d + e)"""},
            new String[] {"coarse_of_coarse", """
                    hyper lr = 0.001
                    r = mean[row](g); c = sum[col](w)
                    x = sum(r) + max[all](norm(g)) + mean[all](c) + rms[all](r)
                    w -= lr*(x + r + c)"""},
            new String[] {"adaptive_all", """
                    hyper lr = 1
                    state d: all = 1e-6
                    s = 0.9*s + d*g
                    num = sum[all](g*w)
                    den = sum[all](abs(s))
                    d = max(d, num/(den + 1e-12))
                    w -= lr*d*g"""},
            new String[] {"schedule", """
                    hyper lr = 0.1, warmup = 3, total = 20
                    c = 0.5*(1 + cos(pi*min(1, max(0, t - warmup)/(total - warmup))))
                    lr_t = lr*min(1, t/warmup)*c
                    if t % 4 == 0 { lr_t = lr_t/2 }
                    w -= lr_t*g"""},
            new String[] {"uniform_branch", """
                    hyper lr = 0.01
                    n = norm(g)
                    if n > 1 { m = 0.9*m + g/n } else { m = 0.9*m + g }
                    w -= lr*(ndim == 2 ? m : sign(m))"""},
            new String[] {"orth", """
                    hyper lr = 0.02, mu = 0.95
                    b = mu*b + (1 - mu)*g
                    u = (1 - mu)*g + mu*b
                    w -= ndim == 2 ? lr*sqrt(max(1, rows/cols))*orth(u) : lr*u/(norm(u) + 1e-7)"""},
            new String[] {"rows_only", """
                    hyper lr = 0.01
                    n = norm[row](g)
                    w -= lr*g/(n + 1e-6) + lr*max[row](abs(w))*w"""},
            new String[] {"unit_clip", """
                    hyper lr = 0.01, clip_factor = 0.01
                    wn = ndim == 1 ? norm(w) : norm[row](w)
                    gn = ndim == 1 ? norm(g) : norm[row](g)
                    limit = clip_factor*max(wn, 1e-3)
                    g *= gn < limit ? 1 : limit/max(gn, 1e-6)
                    m = 0.9*m + g
                    w -= lr*m + lr*rms(m)*1e-3"""},
            new String[] {"transcendental", """
                    hyper lr = 0.01
                    w -= lr*(tanh(g) + sin(w)*cos(g) + (g % 0.3)) + lr*rms(g)"""});

    static final List<Backend> BACKENDS = List.of(Backend.SCALAR, Backend.VECTOR, Backend.INTERPRETER);

    /**
     * The rules run on the shared layout: those that may share a tensor (no row or column
     * values; an orth shares its products among the threads).
     */
    static final List<String> SHARING = List.of("clip_global", "lamb", "novograd", "tensor_extremes", "adaptive_all",
            "uniform_branch", "transcendental", "orth");

    /**
     * The rules run on the layout whose large matrix is shared in whole rows: those that run
     * row by row (a level that adds a column's sums runs on one thread, the others on all).
     */
    static final List<String> SHARING_ROWS = List.of("factored", "extremes", "coarse_of_coarse", "rows_only",
            "unit_clip");

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String[] r : RULES) {
            for (Backend backend : BACKENDS) {
                for (int threads : new int[] {1, 3}) {
                    if (backend != Backend.INTERPRETER || threads != 1) {
                        b.add(arguments(r[0], r[1], backend, threads, "small"));
                    }
                }
            }
            b.add(arguments(r[0], r[1], Backend.VECTOR, 2, "large"));
            if (SHARING.contains(r[0])) {
                b.add(arguments(r[0], r[1], Backend.VECTOR, 3, "shared"));
                b.add(arguments(r[0], r[1], Backend.SCALAR, 2, "shared"));
            }
            if (SHARING_ROWS.contains(r[0])) {
                b.add(arguments(r[0], r[1], Backend.VECTOR, 3, "rows"));
                b.add(arguments(r[0], r[1], Backend.SCALAR, 2, "rows"));
            }
        }
        return b.build();
    }

    static Layout small() {
        return Layout.builder().matrix("a", 5, 7).vector("b", 13).group("second").matrix("c", 3, 11)
                .vector("d", 17).build();
    }

    static Layout large() {
        return Layout.builder().matrix("big", 300, 235).vector("bias", 37).matrix("small", 4, 3).build();
    }

    /** A matrix of more than 2^20 weights (17 blocks) beside small tensors: two or three threads share it. */
    static Layout shared() {
        return Layout.builder().matrix("huge", 1031, 1031).vector("bias", 37).matrix("small", 4, 3).build();
    }

    /**
     * A matrix of more than 2^20 weights that threads share for rules that run row by row: in
     * whole rows, and where a rule also sums the tensor in whole blocks too (768 values a row:
     * 256 rows are three blocks, and the matrix six and a half such parts; cut at blocks instead,
     * it would be cut inside rows).
     */
    static Layout rows() {
        return Layout.builder().vector("bias", 37).matrix("huge", 1665, 768).matrix("small", 4, 3).build();
    }

    @ParameterizedTest(name = "{0} on {2}, {3} threads, {4} layout")
    @MethodSource("cases")
    void matchesTheInterpreter(String name, String source, Backend backend, int threads, String layoutName) {
        Layout layout = switch (layoutName) {
            case "large" -> large();
            case "shared" -> shared();
            case "rows" -> rows();
            default -> small();
        };
        int steps = layoutName.equals("small") ? 25 : 3;
        Run expected = new Run(source, Backend.INTERPRETER, 1, layout);
        Run actual = new Run(source, backend, threads, layout);
        boolean approximate = name.equals("transcendental") && backend == Backend.VECTOR;
        for (int step = 1; step <= steps; step++) {
            float[] g = gradient(layout.size(), step);
            expected.step(g);
            actual.step(g);
            for (int i = 0; i < layout.size(); i++) {
                float e = expected.w[i];
                float a = actual.w[i];
                if (approximate) {
                    // the functions' ulps scale the update (lr = 0.01 times terms near 1), not w:
                    // a weight near zero gets the update's rounding, not its own
                    assertEquals(e, a, 8 * Math.ulp(Math.max(Math.abs(e), 1e-2f)), name + " step " + step + " w[" + i + "]");
                } else {
                    assertEquals(Float.floatToIntBits(e), Float.floatToIntBits(a),
                            name + " step " + step + " w[" + i + "]: " + e + " vs " + a);
                }
            }
            for (String s : expected.state.names()) {
                float[] es = expected.state.array(s);
                float[] as = actual.state.array(s);
                for (int i = 0; i < es.length; i++) {
                    if (!approximate) {
                        assertEquals(Float.floatToIntBits(es[i]), Float.floatToIntBits(as[i]),
                                name + " step " + step + " " + s + "[" + i + "]");
                    }
                }
            }
            if (approximate) {
                System.arraycopy(expected.w, 0, actual.w, 0, actual.w.length);
            }
        }
        for (float x : expected.w) {
            assertTrue(Float.isFinite(x), name + " stays finite");
        }
    }

    static float[] gradient(int n, int step) {
        SplittableRandom r = new SplittableRandom(977L * step);
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = (float) (r.nextGaussian() * (1 + (i % 7)));
        }
        if (step % 5 == 0) {
            g[n / 3] = 0f;
            g[n / 2] = -0f;
        }
        return g;
    }

    /** One optimizer on its own weights. */
    static final class Run {
        final Optimizer opt;
        final OptimizerState state;
        final float[] w;

        Run(String source, Backend backend, int threads, Layout layout) {
            opt = Rule.parse(source).compile(backend).bind(Map.of()).threads(threads);
            opt.set("second", "lr", opt.get("lr") * 0.5);
            w = new float[layout.size()];
            SplittableRandom r = new SplittableRandom(5);
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) r.nextGaussian();
            }
            state = opt.newState(w, layout);
        }

        void step(float[] g) {
            opt.step(w, g, state);
        }
    }
}
