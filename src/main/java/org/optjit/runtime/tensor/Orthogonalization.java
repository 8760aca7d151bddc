package org.optjit.runtime.tensor;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link Orthogonalizer} rules use: {@link NewtonSchulz} on netlib's BLAS, made when a
 * rule first needs it (rules without {@code orth} never load a BLAS).
 */
public final class Orthogonalization {

    private Orthogonalization() {
    }

    /** Quintic Newton-Schulz (Muon) on the project's BLAS. */
    public static final Orthogonalizer DEFAULT = (in, out, offset, rows, cols) ->
            Holder.INSTANCE.orthogonalize(in, out, offset, rows, cols);

    private static final class Holder {
        /** netlib logs a stack trace when no native library is found, the normal case here. */
        private static final Logger NETLIB_LOG = quiet();
        static final NewtonSchulz INSTANCE = new NewtonSchulz(Sgemm.of(dev.ludovic.netlib.blas.BLAS.getInstance()));

        private static Logger quiet() {
            Logger log = Logger.getLogger("dev.ludovic.netlib");
            log.setLevel(Level.SEVERE);
            return log;
        }
    }
}
