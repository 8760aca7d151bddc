package org.optjit.blas;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * netlib (dev.ludovic) logs a warning with a stack trace for every native library it looks
 * for and does not find. Here that is the normal case, not an error, so its loggers are set
 * to SEVERE before the first instance is made.
 */
public final class NetlibLog {

    /** Held: java.util.logging keeps only weak references to loggers. */
    private static final Logger LOG = Logger.getLogger("dev.ludovic.netlib");

    static {
        LOG.setLevel(Level.SEVERE);
    }

    private NetlibLog() {
    }

    /** Quiets netlib's loggers (idempotent); call before the first netlib instance. */
    public static void quiet() {
        // the work is done once, by the static initialiser
    }
}
