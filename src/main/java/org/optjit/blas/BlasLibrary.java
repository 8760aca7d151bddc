package org.optjit.blas;

/**
 * The process's BLAS: chosen once ({@link #select}), before the first product, and then used
 * by every matrix product of the trainer and the compiler's tensor operations.
 *
 * <p>Without a {@link #select} call the first {@link #current()} chooses {@link BlasChoice#AUTO}:
 * the shipped OpenBLAS, else the Java BLAS, with the reason the native library did not load
 * kept for {@link #describe()}.
 */
public final class BlasLibrary {

    /** OpenBLAS threads per call: one, because the trainer runs its lanes on its own threads. */
    static final int NATIVE_THREADS = 1;

    private static volatile Blas current;
    private static String fallbackReason;

    private BlasLibrary() {
    }

    /**
     * Makes {@code choice} the process's BLAS and returns it.
     *
     * @throws IllegalStateException for {@link BlasChoice#NATIVE} when the native library
     *                               cannot load on this machine (the message says why)
     */
    public static synchronized Blas select(BlasChoice choice) {
        switch (choice) {
            case JAVA:
                current = new JavaBlas();
                fallbackReason = null;
                break;
            case NATIVE: {
                String why = tryNative();
                if (why != null) {
                    throw new IllegalStateException("the native BLAS (OpenBLAS from org.bytedeco:openblas) cannot load"
                            + " here: " + why);
                }
                break;
            }
            case AUTO: {
                String why = tryNative();
                if (why != null) {
                    current = new JavaBlas();
                    fallbackReason = why;
                }
                break;
            }
            default:
                throw new AssertionError(choice);
        }
        return current;
    }

    /**
     * Makes the shipped OpenBLAS with {@code threads} threads of its own per call the
     * process's BLAS: for measuring the alternative to the trainer's lanes (benchmarks);
     * results may then depend on the thread count.
     *
     * @throws IllegalStateException when the native library cannot load
     */
    public static synchronized Blas selectNative(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        String why = tryNative(threads);
        if (why != null) {
            throw new IllegalStateException("the native BLAS cannot load here: " + why);
        }
        return current;
    }

    private static String tryNative() {
        return tryNative(NATIVE_THREADS);
    }

    /** Loads OpenBLAS into {@link #current}; returns null, or why it failed. */
    private static String tryNative(int threads) {
        try {
            current = new OpenBlas(threads);
            fallbackReason = null;
            return null;
        } catch (LinkageError | RuntimeException e) {
            // UnsatisfiedLinkError (no library for this platform), NoClassDefFoundError after a
            // failed static initialiser, or JavaCPP's own exceptions while extracting
            String m = e.getMessage();
            return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
        }
    }

    /** The process's BLAS, chosen with {@link BlasChoice#AUTO} on first use if none was selected. */
    public static Blas current() {
        Blas b = current; // one volatile read on the fast path: lanes call this per product
        if (b != null) {
            return b;
        }
        synchronized (BlasLibrary.class) {
            if (current == null) {
                select(BlasChoice.AUTO);
            }
            return current;
        }
    }

    /** E.g. "OpenBLAS 0.3.31 (native, ...)" or "VectorBLAS (Java; native BLAS unavailable: ...)". */
    public static synchronized String describe() {
        Blas b = current();
        if (fallbackReason == null) {
            return b.describe();
        }
        return b.describe().replaceFirst("\\)$", "; native BLAS unavailable: " + fallbackReason + ")");
    }
}
