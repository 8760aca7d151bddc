package org.optjit.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.optjit.Backend;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/**
 * Reductions give the values docs/language.md defines, in its order, checked against an
 * independent reading of the definition written here: blocks of 65,536 values, sixteen
 * striped double accumulators per block, blocks added left to right; columns added down
 * in row order; [all] as the tensors' values added in layout order; mean, norm and rms from
 * the sums. Coarse states store the double results rounded to float.
 */
class ReductionSemanticsTest {

    static final String RULE = """
            state a: tensor, b: row, c: col, d: all, e: tensor, f: tensor, h: all, k: tensor
            a = sum(g)
            b = norm[row](g)
            c = mean[col](g)
            d = rms[all](g)
            e = max[tensor](g)
            f = mean(b)
            h = sum[all](a)
            k = rows*100 + cols*10 + ndim
            w = w
            """;

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"INTERPRETER", "SCALAR", "VECTOR"})
    void reductionsFollowTheDefinition(Backend backend) {
        Layout layout = Layout.builder().matrix("m", 280, 241).vector("v", 19).matrix("n", 3, 1).build();
        float[] w = new float[layout.size()];
        float[] g = new float[layout.size()];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) (r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-3, 4)));
        }
        Optimizer opt = Rule.parse(RULE).compile(backend).bind(Map.of()).threads(2);
        OptimizerState s = opt.newState(w, layout);
        opt.step(w, g, s);

        double all = 0;
        double allSquares = 0;
        int row = 0;
        int col = 0;
        for (Layout.Tensor t : layout.tensors()) {
            double sum = DefinedOrder.sum(g, t.offset(), t.size(), false);
            assertEquals((float) sum, s.array("a")[t.index()], t.name() + ": sum");
            all += sum;
            allSquares += DefinedOrder.sum(g, t.offset(), t.size(), true);
            double max = Double.NEGATIVE_INFINITY;
            for (int i = t.offset(); i < t.end(); i++) {
                max = Math.max(max, g[i]);
            }
            assertEquals((float) max, s.array("e")[t.index()], t.name() + ": max");
            double normSum = 0;
            for (int i = 0; i < t.rows(); i++) {
                double n = Math.sqrt(DefinedOrder.sum(g, t.offset() + i * t.cols(), t.cols(), true));
                assertEquals((float) n, s.array("b")[row + i], t.name() + ": norm of row " + i);
                normSum += n;
            }
            assertEquals((float) (normSum / t.rows()), s.array("f")[t.index()], t.name() + ": mean of the row norms");
            for (int j = 0; j < t.cols(); j++) {
                double c = 0;
                for (int i = 0; i < t.rows(); i++) {
                    c += g[t.offset() + i * t.cols() + j];
                }
                assertEquals((float) (c / t.rows()), s.array("c")[col + j], t.name() + ": mean of column " + j);
            }
            assertEquals(t.rows() * 100 + t.cols() * 10 + t.ndim(), s.array("k")[t.index()], t.name() + ": shape");
            row += t.rows();
            col += t.cols();
        }
        assertEquals((float) Math.sqrt(allSquares / layout.size()), s.array("d")[0], "rms[all]");
        double sumOfStoredA = 0;
        for (Layout.Tensor t : layout.tensors()) {
            sumOfStoredA += DefinedOrder.sum(g, t.offset(), t.size(), false); // h reads a's double value, not the stored float
        }
        assertEquals((float) sumOfStoredA, s.array("h")[0], "sum[all] of per-tensor sums");
        assertEquals((float) all, s.array("h")[0]);
    }

    /**
     * Array semantics: a reduction sees its argument as it is at that point of the rule, even
     * when the same pass overwrites the array later (w, and a per-weight state v), on tensors
     * of several tiles; and one of a value the pass also keeps for a later pass (q).
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"INTERPRETER", "SCALAR", "VECTOR"})
    void aReductionSeesItsArgumentBeforeLaterStatements(Backend backend) {
        String rule = """
                hyper lr = 0.5
                state s: tensor, p: tensor, n: tensor
                s = norm(w)
                p = sum(v)
                v = v + g
                q = v*v + g
                n = norm(q)
                w -= lr*v + q/(n + 1)
                """;
        Layout layout = Layout.builder().matrix("m", 150, 131).vector("b", 37).matrix("k", 9, 1000).build();
        float[] w = new float[layout.size()];
        float[] g = new float[layout.size()];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextDouble(-1, 1);
            g[i] = (float) r.nextDouble(-1, 1);
        }
        Optimizer opt = Rule.parse(rule).compile(backend).bind(Map.of()).threads(3);
        OptimizerState st = opt.newState(w, layout);
        float[] v = new float[w.length];
        for (int step = 0; step < 2; step++) {
            float[] before = w.clone();
            float[] vBefore = v.clone();
            opt.step(w, g, st);
            float[] q = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                v[i] = vBefore[i] + g[i];
                q[i] = v[i] * v[i] + g[i];
            }
            for (Layout.Tensor t : layout.tensors()) {
                assertEquals((float) Math.sqrt(DefinedOrder.sum(before, t.offset(), t.size(), true)), st.array("s")[t.index()],
                        t.name() + ": norm of w before the update, step " + (step + 1));
                assertEquals((float) DefinedOrder.sum(vBefore, t.offset(), t.size(), false), st.array("p")[t.index()],
                        t.name() + ": sum of v before the update, step " + (step + 1));
                double n = Math.sqrt(DefinedOrder.sum(q, t.offset(), t.size(), true));
                assertEquals((float) n, st.array("n")[t.index()], t.name() + ": norm of q, step " + (step + 1));
                for (int i = t.offset(); i < t.end(); i++) {
                    float expected = before[i] - (0.5f * v[i] + q[i] / (float) (n + 1));
                    assertEquals(expected, w[i], t.name() + ": w[" + i + "], step " + (step + 1));
                }
            }
        }
    }
}
