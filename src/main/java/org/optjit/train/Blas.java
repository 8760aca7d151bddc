package org.optjit.train;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The BLAS and LAPACK instances of the model and the preprocessing (dev.ludovic.netlib):
 * the system's native library ({@code libblas.so.3}, e.g. OpenBLAS) when one is installed,
 * else a pure-Java one (the Vector API sgemm on JDK 16+).
 *
 * <p>netlib logs a warning with a stack trace when no native library is found. That is the
 * normal case here, not an error, so its loggers are set to SEVERE before the first
 * instance is made (the logger is held here: java.util.logging keeps only weak references).
 */
public final class Blas {

    private static final Logger NETLIB_LOG = quiet();

    private static final BLAS BLAS_INSTANCE = BLAS.getInstance();
    private static final LAPACK LAPACK_INSTANCE = LAPACK.getInstance();

    private Blas() {
    }

    public static BLAS blas() {
        return BLAS_INSTANCE;
    }

    public static LAPACK lapack() {
        return LAPACK_INSTANCE;
    }

    private static Logger quiet() {
        Logger log = Logger.getLogger("dev.ludovic.netlib");
        log.setLevel(Level.SEVERE);
        return log;
    }

    /** E.g. "JNIBLAS (native)" or "VectorBLAS (Java)", for run logs and benchmark records. */
    public static String describe() {
        String name = BLAS_INSTANCE.getClass().getSimpleName();
        return name + (BLAS_INSTANCE instanceof dev.ludovic.netlib.blas.NativeBLAS ? " (native)" : " (Java)");
    }
}
