package org.optjit.runtime;

import jdk.incubator.vector.FloatVector;

/**
 * Where a vector loop should start so that its loads and stores are whole cache-line
 * aligned vectors. Read by generated VECTOR kernels and by the hand-written Vector API
 * baselines (at run time, when the Vector API is present; the compiler itself never loads
 * this class), so that a comparison of the two compares the same memory access.
 *
 * <p>Why: a 512-bit load or store that straddles two cache lines costs about a quarter of
 * the bandwidth of an update rule (measured: {@code w -= lr*g} at 16M floats, 33 GB/s
 * misaligned against 42 GB/s aligned), and C2's own auto-vectorised loops align
 * themselves for this reason; Vector API loops do not. Java gives no array's address,
 * but large arrays, the case where bandwidth matters, are placed at the start of a heap
 * region (G1 "humongous" objects; Parallel and Serial likewise align large blocks), so
 * their first element sits {@link #BASE_OFFSET} bytes past a boundary. Index
 * {@link #PHASE} (mod the lane count) is then vector aligned. For other arrays the guess
 * costs at most one vector's worth of scalar iterations; results never depend on it.
 */
public final class Alignment {

    /** Bytes from an array's start to its first float: the array header. */
    static final int BASE_OFFSET = sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET;

    /** The first vector-aligned index of a region-aligned float array, in [0, lanes). */
    public static final int PHASE = phase(FloatVector.SPECIES_PREFERRED.vectorByteSize());

    private static final int LANES = FloatVector.SPECIES_PREFERRED.length();

    private Alignment() {
    }

    /**
     * The first index in {@code [from, to]} where a vector of the preferred species is
     * aligned, or {@code to}: the same start as generated kernels take.
     */
    public static int start(int from, int to) {
        return Math.min(from + ((PHASE - from) & (LANES - 1)), to);
    }

    static int phase(int vectorBytes) {
        return Math.floorMod(-BASE_OFFSET, vectorBytes) / Float.BYTES;
    }
}
