package org.optjit.runtime.tensor;

/** The {@link Orthogonalizer} rules use. */
public final class Orthogonalization {

    private Orthogonalization() {
    }

    /** Quintic Newton-Schulz (Muon); see {@code NewtonSchulz}. */
    public static final Orthogonalizer DEFAULT = (in, out, offset, rows, cols) -> {
        throw new UnsupportedOperationException("orth is not available in this build");
    };
}
