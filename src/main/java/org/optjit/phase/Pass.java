package org.optjit.phase;

import java.util.List;
import org.optjit.ir.Block;

/**
 * One pass over the weights of a tensor, compiled like an element-wise rule's body. Its loop
 * kernel gets, after the program's state arrays (by slot), further arrays in this order:
 * <ol>
 *   <li>{@link #columnExports()}: one per-column value per column of the tensor, read with
 *       {@code LOAD_R} at {@code i - from} (the pass then runs row by row);</li>
 *   <li>{@link #scratch()}: the values of per-weight reduction arguments, stored with
 *       {@code SCRATCH} at {@code i - from} for the runtime to accumulate after each call
 *       (unless they already lie in an array: {@link #sources()});</li>
 *   <li>the {@code orth} buffers ({@link Plan#orthInput(int)}, {@link Plan#orthOutput(int)}),
 *       as long as the weights and indexed like them;</li>
 *   <li>the kept values ({@link Plan#keeps()}): a pass stores a value with {@code KEPT} and
 *       a later pass loads it with {@code LOAD_K}, both at {@code i - origin}, the kernel's
 *       first weight of the tensor (or part of one): one array for the whole tensor, however
 *       each pass cuts its calls.</li>
 * </ol>
 *
 * @param level         the level of the values it computes
 * @param body          the per-weight block
 * @param rowWise       whether it must run row by row (it reads per-row or per-column values,
 *                      or reduces per row or per column)
 * @param columnExports export slots read per column, in the order of their arrays
 * @param scratch       the reduction (by slot) whose argument each scratch array holds
 * @param stores        whether it stores weights or per-weight state
 * @param orth          the {@code orth}s whose argument it computes
 * @param keeps         whether it stores values that a later pass reads ({@link Plan#keeps()})
 * @param sources       for each of {@link #scratch()}, where its values are: only those of
 *                      {@link ReductionSource.Kind#KERNEL} are stored into the scratch array
 * @param striped       the reductions (indices into {@link #scratch()}) that are plain sums or
 *                      sums of squares over a tensor or a row, of values the kernel computes: a kernel
 *                      that can ({@code StripedKernel}) adds these into the stripe sums in
 *                      registers instead of storing them
 */
public record Pass(int level, Block body, boolean rowWise, List<Integer> columnExports, List<Integer> scratch,
                   boolean stores, List<Integer> orth, boolean keeps, List<ReductionSource> sources,
                   List<Integer> striped) {

    public Pass {
        columnExports = List.copyOf(columnExports);
        scratch = List.copyOf(scratch);
        orth = List.copyOf(orth);
        sources = List.copyOf(sources);
        striped = List.copyOf(striped);
        if (sources.size() != scratch.size()) {
            throw new IllegalArgumentException("one source per reduction");
        }
    }

    /** Whether it must run for every tensor: it stores something, or some tensor's branch may need nothing from it. */
    public boolean unconditional() {
        return stores || keeps;
    }
}
