package org.optjit.train.model.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Max pooling's winners, where finite differences cannot look: ties (the first entry of the
 * window in scan order wins and gets the whole gradient) and overlapping windows (an input
 * that wins two windows gets both gradients). Checked against a direct scan of every window,
 * on values drawn from a handful of levels so that most windows hold ties.
 */
class MaxPoolRoutingTest {

    @Test
    void tiesGoToTheFirstEntryAndOverlapsAddUp() {
        Shape in = new Shape(7, 9, 3);
        int k = 3, stride = 2, m = 2;
        Pool2d pool = new Pool2d(Pool2d.Kind.MAX, in, k, stride);
        Shape out = pool.outputShape();
        assertEquals(new Shape(3, 4, 3), out);
        SplittableRandom r = new SplittableRandom(3);
        float[] levels = {-2f, -0.5f, 0.25f, 1f};
        float[] x = new float[m * in.size()], dy = new float[m * out.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = levels[r.nextInt(levels.length)];
        }
        for (int i = 0; i < dy.length; i++) {
            dy[i] = (float) (r.nextInt(1, 9) / 8.0);      // exact, so the sums below are exact too
        }
        int[] argmax = pool.newScratch(m);
        float[] y = new float[dy.length], dx = new float[x.length];
        pool.forward(null, x, y, m, argmax);
        pool.backward(null, null, x, y, dy, dx, m, argmax);

        float[] expectedDx = new float[x.length];
        int ties = 0;
        for (int e = 0; e < m; e++) {
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    for (int ch = 0; ch < in.channels(); ch++) {
                        int winner = -1, equal = 0;
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int i = e * in.size() + ((oy * stride + ky) * in.width() + ox * stride + kx)
                                        * in.channels() + ch;
                                if (winner < 0 || x[i] > x[winner]) {
                                    winner = i;
                                    equal = 1;
                                } else if (x[i] == x[winner]) {
                                    equal++;
                                }
                            }
                        }
                        ties += equal > 1 ? 1 : 0;
                        int o = e * out.size() + (oy * out.width() + ox) * in.channels() + ch;
                        assertEquals(x[winner], y[o], "output " + o);
                        expectedDx[winner] += dy[o];
                    }
                }
            }
        }
        for (int i = 0; i < x.length; i++) {
            assertEquals(expectedDx[i], dx[i], "input gradient " + i);
        }
        assertEquals(true, ties > out.size() / 2, "the data must hold ties to test them: " + ties);
    }
}
