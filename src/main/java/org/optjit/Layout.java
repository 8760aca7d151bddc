package org.optjit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The structure of a flat parameter array: named tensors lying one after another, each a
 * row-major matrix (a vector of {@code n} is an {@code n x 1} matrix: one value per row),
 * each in a parameter group.
 *
 * <pre>
 * Layout layout = Layout.builder()
 *     .matrix("fc1.weight", 256, 784)
 *     .group("no_decay")            // the tensors added after this are in group "no_decay"
 *     .vector("fc1.bias", 256)
 *     .build();
 * </pre>
 *
 * Rules with reductions ({@code norm(g)}, {@code mean[row](g^2)}) and shape values
 * ({@code rows}, {@code ndim}) see these tensors; element-wise rules see only the weights.
 * Groups carry their own hyperparameter values ({@link Optimizer#set(String, String, double)});
 * {@code [all]} reductions span every group.
 */
public final class Layout {

    /** The group of tensors added before any {@link Builder#group(String)}. */
    public static final String DEFAULT_GROUP = "default";

    /**
     * One tensor.
     *
     * @param name   its name, unique in the layout
     * @param index  its position in {@link #tensors()}
     * @param offset its first element in the flat array
     * @param rows   its rows
     * @param cols   its columns (1 for a vector)
     * @param vector whether it was added as a vector ({@code ndim} 1), not as a matrix
     * @param group  the name of its parameter group
     */
    public record Tensor(String name, int index, int offset, int rows, int cols, boolean vector, String group) {

        public int size() {
            return rows * cols;
        }

        /** 1 for a vector, 2 for a matrix (also an {@code n x 1} one added as a matrix). */
        public int ndim() {
            return vector ? 1 : 2;
        }

        /** One past its last element. */
        public int end() {
            return offset + rows * cols;
        }
    }

    private final List<Tensor> tensors;
    private final List<String> groups;
    private final int size;
    private final int totalRows;
    private final int totalCols;

    private Layout(List<Tensor> tensors) {
        this.tensors = List.copyOf(tensors);
        Set<String> g = new LinkedHashSet<>();
        long n = 0;
        int r = 0;
        int c = 0;
        for (Tensor t : tensors) {
            g.add(t.group());
            n += t.size();
            r += t.rows();
            c += t.cols();
        }
        this.groups = List.copyOf(g);
        this.size = (int) n;
        this.totalRows = r;
        this.totalCols = c;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One vector tensor called "w" of {@code n} weights: what {@code newState(w)} assumes. */
    public static Layout vector(int n) {
        return builder().vector("w", n).build();
    }

    /** The tensors in the order of the flat array. */
    public List<Tensor> tensors() {
        return tensors;
    }

    /** The tensor called {@code name}. */
    public Tensor tensor(String name) {
        for (Tensor t : tensors) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no tensor '" + name + "' in the layout"
                + org.optjit.sema.Names.didYouMean(name, tensors.stream().map(Tensor::name).toList()));
    }

    /** The group names, in order of first appearance. */
    public List<String> groups() {
        return groups;
    }

    /** The number of weights: the length of the flat array. */
    public int size() {
        return size;
    }

    /** Rows of all tensors together: the length of a per-row state. */
    public int totalRows() {
        return totalRows;
    }

    /** Columns of all tensors together: the length of a per-column state. */
    public int totalCols() {
        return totalCols;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layout l && l.tensors.equals(tensors);
    }

    @Override
    public int hashCode() {
        return tensors.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Layout[");
        for (Tensor t : tensors) {
            sb.append(t.index() == 0 ? "" : ", ").append(t.name()).append(' ').append(t.rows());
            if (!t.vector()) {
                sb.append('x').append(t.cols());
            }
            if (!t.group().equals(DEFAULT_GROUP)) {
                sb.append(" (").append(t.group()).append(')');
            }
        }
        return sb.append(']').toString();
    }

    /** Adds tensors in the order of the flat array. */
    public static final class Builder {

        private final List<Tensor> tensors = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private String group = DEFAULT_GROUP;
        private long offset;

        private Builder() {
        }

        /** A {@code rows x cols} row-major matrix. */
        public Builder matrix(String name, int rows, int cols) {
            return add(name, rows, cols, false);
        }

        /** A vector of {@code n}: an {@code n x 1} matrix with {@code ndim} 1. */
        public Builder vector(String name, int n) {
            return add(name, n, 1, true);
        }

        /** The tensors added after this call belong to group {@code name}. */
        public Builder group(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a group needs a name");
            }
            this.group = name;
            return this;
        }

        private Builder add(String name, int rows, int cols, boolean vector) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a tensor needs a name");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("tensor '" + name + "' is in the layout twice");
            }
            if (rows < 1 || cols < 1) {
                throw new IllegalArgumentException("tensor '" + name + "' has no elements: " + rows + " x " + cols);
            }
            long size = (long) rows * cols;
            if (offset + size > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("the layout is too large for one array at tensor '" + name + "'");
            }
            tensors.add(new Tensor(name, tensors.size(), (int) offset, rows, cols, vector, group));
            offset += size;
            return this;
        }

        /** @throws IllegalArgumentException when no tensor was added */
        public Layout build() {
            if (tensors.isEmpty()) {
                throw new IllegalArgumentException("a layout needs at least one tensor");
            }
            return new Layout(tensors);
        }
    }
}
