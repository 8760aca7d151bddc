package org.optjit.runtime.tensor;

import java.util.List;
import org.optjit.Layout;
import org.optjit.sema.Shape;

/**
 * A layout as the runtime indexes it: for every tensor its group, its first row and first
 * column among all rows and columns, and back from a row or column to its tensor. A value of
 * a shape class has one element per group (per step and per step from data: hyperparameters
 * differ by group), per tensor, per row or per column.
 */
public final class Geometry {

    final Layout layout;
    final int tensors;
    final int groups;
    final int[] offset;
    final int[] rows;
    final int[] cols;
    final int[] ndim;
    final int[] group;
    final int[] rowBase;
    final int[] colBase;
    final int[] rowTensor;
    final int[] colTensor;
    final int maxCols;

    public Geometry(Layout layout) {
        this.layout = layout;
        List<Layout.Tensor> ts = layout.tensors();
        tensors = ts.size();
        groups = layout.groups().size();
        offset = new int[tensors];
        rows = new int[tensors];
        cols = new int[tensors];
        ndim = new int[tensors];
        group = new int[tensors];
        rowBase = new int[tensors];
        colBase = new int[tensors];
        rowTensor = new int[layout.totalRows()];
        colTensor = new int[layout.totalCols()];
        int r = 0;
        int c = 0;
        int widest = 1;

        for (Layout.Tensor t : ts) {
            int k = t.index();
            offset[k] = t.offset();
            rows[k] = t.rows();
            cols[k] = t.cols();
            ndim[k] = t.ndim();
            group[k] = layout.groups().indexOf(t.group());
            rowBase[k] = r;
            colBase[k] = c;
            java.util.Arrays.fill(rowTensor, r, r + t.rows(), k);
            java.util.Arrays.fill(colTensor, c, c + t.cols(), k);
            r += t.rows();
            c += t.cols();
            widest = Math.max(widest, t.cols());
        }
        maxCols = widest;

    }

    public Layout layout() {
        return layout;
    }

    /** The number of elements a value of class {@code s} has. */
    public int extent(Shape s) {
        return switch (s) {
            case STEP, ALL -> groups;
            case TENSOR -> tensors;
            case ROW -> rowTensor.length;
            case COL -> colTensor.length;
            case WEIGHT -> layout.size();
        };
    }

    /** The group of element {@code e} of a value of class {@code s}. */
    public int groupOf(Shape s, int e) {
        return s == Shape.STEP || s == Shape.ALL ? e : s == Shape.WEIGHT ? group[tensorAt(e)] : group[tensorOf(s, e)];
    }

    /** The tensor of weight {@code i}. */
    int tensorAt(int i) {
        int lo = 0;
        int hi = tensors - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offset[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The tensor element {@code e} of a value of class {@code s} belongs to (-1 for per-group values). */
    int tensorOf(Shape s, int e) {
        return switch (s) {
            case TENSOR -> e;
            case ROW -> rowTensor[e];
            case COL -> colTensor[e];
            default -> -1;
        };
    }

    /**
     * The element of a value of class {@code from} that element {@code e} of class {@code s}
     * reads ({@code from} is {@code s} or coarser).
     */
    int broadcast(Shape from, Shape s, int e) {
        if (from == s) {
            return e;
        }
        if (from == Shape.TENSOR) {
            return tensorOf(s, e);
        }
        // per step or per step from data: by group
        return s == Shape.STEP || s == Shape.ALL ? e : group[tensorOf(s, e)];
    }

    /** The first element of tensor {@code t} in a value of class {@code s}, and how many it has. */
    int first(Shape s, int t) {
        return switch (s) {
            case TENSOR -> t;
            case ROW -> rowBase[t];
            case COL -> colBase[t];
            default -> throw new IllegalArgumentException(s + " is not per tensor");
        };
    }

    int count(Shape s, int t) {
        return switch (s) {
            case TENSOR -> 1;
            case ROW -> rows[t];
            case COL -> cols[t];
            default -> throw new IllegalArgumentException(s + " is not per tensor");
        };
    }
}
