package org.optjit.runtime.tensor;

/**
 * Where a pass with sums over one tensor cuts its kernel calls (a pass without sums makes one
 * call: the values a pass keeps for a later one live in one array per tensor, whatever the
 * calls, {@code Op.LOAD_K}).
 *
 * <p>Cuts fall at indices {@code k * length + PHASE} for the longest call {@code length}:
 * where the generated vector loop of a region-aligned weight array starts on a 64-byte
 * boundary (see the VECTOR backend's {@code Alignment}), so calls run without scalar
 * iterations at their ends. A reduction's blocks of {@link StripedSum#BLOCK} values start at
 * the tensor's first weight, which is not such an index: a call across a block's end cannot
 * keep its sums in registers ({@code StripedKernel}) and goes the scratch way. So around each
 * block's end, and before the tensor's end, the calls are cut once more at aligned indices:
 * only 16 values per block (and fewer than 16 at the tensor's end) go the scratch way.
 */
final class Cuts {

    /**
     * The longest call when reductions go through scratch arrays: a multiple of the 16
     * stripes whose scratch arrays (one per reduction, 32 KiB each) stay in L2.
     */
    static final int TILE = 8192;

    /**
     * The longest call when a striped kernel adds the sums in registers: one block. Every call
     * ends the vector loop and starts it again, with no loads in flight in between, about a
     * microsecond each: at {@link #TILE} values a call, that was a fifth of LAMB's first pass
     * on one thread (benchmarks/RESULTS.md).
     */
    static final int LONG = StripedSum.BLOCK;

    /** The aligned index modulo 16 for 64-byte vectors. */
    static final int PHASE = Math.floorMod(-sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET, 64) / Float.BYTES;

    private static final int STRIPES = 16;

    private int[] ends = new int[8];
    private int count;
    private int lastFrom;
    private int lastEnd;
    private int lastLength;

    /** Cuts {@code [from, end)} into calls of at most {@code length} weights; returns their number. */
    int cut(int from, int end, int length) {
        if (count > 0 && from == lastFrom && end == lastEnd && length == lastLength) {
            return count;   // the same tensor again (the next step of a one-tensor layout, a later pass)
        }
        lastFrom = from;
        lastEnd = end;
        lastLength = length;
        count = 0;
        for (int lo = from; lo < end; ) {
            lo = next(lo, from, end, length);
            if (count == ends.length) {
                ends = java.util.Arrays.copyOf(ends, 2 * count);
            }
            ends[count++] = lo;
        }
        return count;
    }

    /** The end of call {@code c} of the last {@link #cut}. */
    int end(int c) {
        return ends[c];
    }

    /** The length of call {@code c} of the last {@link #cut} that started at {@code from}. */
    int length(int c, int from) {
        return ends[c] - (c == 0 ? from : ends[c - 1]);
    }

    /** The end of the call that starts at {@code lo}, in a tensor of weights {@code [from, end)}. */
    static int next(int lo, int from, int end, int length) {
        if (aligned(lo) != lo) {
            // the tensor's first weights, up to the first aligned index, unless too few follow it
            int first = aligned(lo) + STRIPES;
            return end - first >= STRIPES ? first : end;
        }
        int hi = Math.min(end, lo + Math.floorMod(PHASE - lo - 1, length) + 1);
        int b = from + ((lo - from) / StripedSum.BLOCK + 1) * StripedSum.BLOCK;   // the next block's start
        if (b < end) {
            hi = earlier(hi, lo, aligned(b));                   // up to the 16 values across it,
            hi = earlier(hi, lo, aligned(b) + STRIPES);         // which are a call of their own
        }
        return earlier(hi, lo, aligned(end));
    }

    /** The last aligned index at or before {@code x}. */
    private static int aligned(int x) {
        return x - Math.floorMod(x - PHASE, STRIPES);
    }

    private static int earlier(int hi, int lo, int cut) {
        return cut > lo && cut < hi ? cut : hi;
    }
}
