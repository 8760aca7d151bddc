package org.optjit.codegen.vector;

import jdk.incubator.vector.FloatVector;

/**
 * Where the vector loop should start so that its loads and stores are whole cache-line
 * aligned vectors. Read only by generated code (at run time, when the Vector API is
 * present); the compiler itself never loads this class.
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

    private Alignment() {
    }

    static int phase(int vectorBytes) {
        return Math.floorMod(-BASE_OFFSET, vectorBytes) / Float.BYTES;
    }
}
