package org.optjit.train.diagnostics;

/**
 * A named stretch {@code [from, to)} of the flat parameter array over which diagnostics
 * are measured: today one per parameter group (a layer's weights or biases); a per-tensor
 * layout plugs in by giving one range per tensor.
 */
public record NamedRange(String name, int from, int to) {

    public NamedRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") of " + name);
        }
    }
}
