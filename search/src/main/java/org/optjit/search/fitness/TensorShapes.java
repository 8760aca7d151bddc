package org.optjit.search.fitness;

import org.optjit.Layout;

/**
 * The tensors of a proxy's weights, written compactly so that a workload stays a small
 * serializable value: {@code "4x6,8"} is a 4 x 6 matrix followed by a vector of 8 (named
 * {@code t0}, {@code t1}, ...). With several tensors, matrices and vectors, the reductions
 * and shape values of a rule ({@code norm[row](g)}, {@code ndim}) mean something on the
 * proxies, as they do in the trainer, which hands a network's layout to the optimizer.
 */
public final class TensorShapes {

    private TensorShapes() {
    }

    /** The layout {@code spec} describes. */
    public static Layout layout(String spec) {
        Layout.Builder b = Layout.builder();
        String[] parts = spec.split(",");
        for (int k = 0; k < parts.length; k++) {
            String p = parts[k].trim();
            int x = p.indexOf('x');
            if (x < 0) {
                b.vector("t" + k, Integer.parseInt(p));
            } else {
                b.matrix("t" + k, Integer.parseInt(p.substring(0, x)), Integer.parseInt(p.substring(x + 1)));
            }
        }
        return b.build();
    }
}
